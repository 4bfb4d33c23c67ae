using Harness.Impairment.Toxics;

namespace Harness.Impairment.Udp;

/// <summary>
/// <c>reorder</c>: with probability <c>percent</c> a datagram is held an extra <c>delay</c> ms, so datagrams sent
/// after it within that time overtake it.
/// </summary>
internal sealed class DatagramReorderToxic(long percent, long delayMs) : IDatagramToxic
{
    private readonly TimeSpan _delay = WireTime.Milliseconds(delayMs);

    public object? CreateState() => null;

    public void Apply(DatagramFate fate, Random random, object? state)
    {
        if (random.NextDouble() * 100 < percent)
            fate.Delay += _delay;
    }
}
