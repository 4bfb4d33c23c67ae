namespace Harness.Impairment.Udp;

/// <summary><c>duplicate</c>: with probability <c>percent</c> a datagram is delivered twice, back to back.</summary>
internal sealed class DatagramDuplicateToxic(long percent) : IDatagramToxic
{
    public object? CreateState() => null;

    public void Apply(DatagramFate fate, Random random, object? state)
    {
        if (random.NextDouble() * 100 < percent)
            fate.Copies++;
    }
}
