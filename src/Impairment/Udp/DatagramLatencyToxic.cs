namespace Harness.Impairment.Udp;

/// <summary>
/// <c>latency</c> on a UDP proxy: each datagram is delayed by latency + U, U uniform in [-jitter, jitter-1] ms, drawn
/// per datagram. Unlike TCP, jitter may reorder datagrams (as on a real path and in netem).
/// </summary>
internal sealed class DatagramLatencyToxic(long latencyMs, long jitterMs) : IDatagramToxic
{
    public object? CreateState() => null;

    public void Apply(DatagramFate fate, Random random, object? state)
    {
        var delay = latencyMs + (jitterMs > 0 ? random.NextInt64(-jitterMs, jitterMs) : 0);
        if (delay > 0) fate.Delay += TimeSpan.FromMilliseconds(delay);
    }
}
