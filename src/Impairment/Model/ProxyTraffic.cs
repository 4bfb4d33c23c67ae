namespace Harness.Impairment.Model;

/// <summary>
/// Byte counters of one direction of one proxy, labelled as Toxiproxy's metrics are. "Received" counts bytes read
/// from the direction's source, "sent" bytes written to its destination.
/// </summary>
public sealed record ProxyTraffic(string Proxy, string Direction, string Listener, string Upstream, long ReceivedBytes, long SentBytes);
