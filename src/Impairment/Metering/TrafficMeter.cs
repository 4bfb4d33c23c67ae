using System.Collections.Concurrent;

namespace Harness.Impairment.Metering;

/// <summary>Live per-proxy, per-direction byte counters (Toxiproxy only adds them when a link ends).</summary>
internal sealed class TrafficMeter
{
    private readonly ConcurrentDictionary<(string Proxy, string Direction, string Listener, string Upstream), Counter> _counters = new();

    public Counter For(string proxy, string direction, string listener, string upstream) =>
        _counters.GetOrAdd((proxy, direction, listener, upstream), _ => new Counter());

    public IReadOnlyList<ProxyTraffic> Snapshot() =>
        _counters
            .Select(c => new ProxyTraffic(c.Key.Proxy, c.Key.Direction, c.Key.Listener, c.Key.Upstream, c.Value.Received, c.Value.Sent))
            .OrderBy(t => t.Direction, StringComparer.Ordinal)
            .ThenBy(t => t.Listener, StringComparer.Ordinal)
            .ThenBy(t => t.Proxy, StringComparer.Ordinal)
            .ThenBy(t => t.Upstream, StringComparer.Ordinal)
            .ToArray();

    internal sealed class Counter
    {
        private long _received;
        private long _sent;

        public long Received => Interlocked.Read(ref _received);

        public long Sent => Interlocked.Read(ref _sent);

        public void AddReceived(long bytes) => Interlocked.Add(ref _received, bytes);

        public void AddSent(int bytes) => Interlocked.Add(ref _sent, bytes);
    }
}
