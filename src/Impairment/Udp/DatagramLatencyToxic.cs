using Harness.Impairment.Toxics;

namespace Harness.Impairment.Udp;

/// <summary>
/// <c>latency</c> on a UDP proxy: each datagram is delayed by latency + U, U uniform in [-jitter, jitter-1] ms, drawn
/// per datagram. Unlike TCP, jitter may reorder datagrams (as on a real path and in netem).
/// </summary>
internal sealed class DatagramLatencyToxic(long latencyMs, long jitterMs) : IDatagramToxic
{
    // Capped like TCP's (WireTime): a huge value waits "forever" instead of overflowing a TimeSpan or a timer.
    private readonly long _latency = (long)WireTime.Milliseconds(latencyMs).TotalMilliseconds;
    private readonly long _jitter = (long)WireTime.Milliseconds(jitterMs).TotalMilliseconds;

    public object? CreateState() => null;

    public void Apply(DatagramFate fate, Random random, object? state)
    {
        var delay = _latency + (_jitter > 0 ? random.NextInt64(-_jitter, _jitter) : 0);
        if (delay > 0)
            fate.Delay += TimeSpan.FromMilliseconds(delay);
    }
}
