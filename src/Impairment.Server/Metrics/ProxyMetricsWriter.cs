using Harness.Impairment.Model;

namespace Harness.Impairment.Server.Metrics;

/// <summary>
/// Toxiproxy's per-proxy counters. Ours are live (updated as datagrams flow) where Toxiproxy adds a link's bytes
/// only when the link ends; a harmless improvement (docs/toxiproxy-server.md).
/// </summary>
internal static class ProxyMetricsWriter
{
    public const string Received = "toxiproxy_proxy_received_bytes_total";
    public const string Sent = "toxiproxy_proxy_sent_bytes_total";

    public static void Write(PrometheusText text, IReadOnlyList<ProxyTraffic> traffic)
    {
        if (traffic.Count == 0)
            return;
        text.Family(Received, "counter", "The total bytes received by the proxy, from the source side of each direction");
        foreach (var t in traffic)
            text.Sample(Received, t.ReceivedBytes, Labels(t));
        text.Family(Sent, "counter", "The total bytes sent by the proxy, to the destination side of each direction");
        foreach (var t in traffic)
            text.Sample(Sent, t.SentBytes, Labels(t));
    }

    private static (string, string)[] Labels(ProxyTraffic t) =>
        [("direction", t.Direction), ("proxy", t.Proxy), ("listener", t.Listener), ("upstream", t.Upstream)];
}
