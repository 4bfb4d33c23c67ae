using System.Collections.Concurrent;
using Harness.Impairment;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>
/// Watches every server-to-server link's proxy on the embedded server and turns its exchanges into samples of the
/// link (<c>link_connections</c>, <c>link_wait</c>, <c>link_abandoned</c>, <c>link_req_abandoned</c>, keyed by the link's name like a
/// probe's) and
/// into the figures its report row shows. A real Toxiproxy reports no exchanges: the links are then only carried.
/// </summary>
internal sealed class LinkObserver : IDisposable
{
    private readonly List<IDisposable> _watches = [];
    private readonly ConcurrentDictionary<string, LinkTally> _tallies = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<ProxySpec> _links;
    private readonly bool _observed;

    private LinkObserver(IReadOnlyList<ProxySpec> links, bool observed)
    {
        _links = links;
        _observed = observed;
    }

    /// <param name="watch">Watches a proxy by its server name; null when the server cannot report exchanges.</param>
    public static LinkObserver Start(
        IReadOnlyList<ProxySpec> proxies,
        Func<string, string> serverName,
        Func<string, Action<ProxyExchange>, IDisposable>? watch,
        ISampleSink store,
        Func<string> phase
    )
    {
        var links = proxies.Where(p => p.Link is not null).ToList();
        var observer = new LinkObserver(links, watch is not null);
        if (watch is null)
            return observer;
        foreach (var link in links)
        {
            var tally = observer._tallies[link.Name] = new LinkTally();
            observer._watches.Add(watch(serverName(link.Name), e => Record(link.Name, e, tally, store, phase())));
        }
        return observer;
    }

    /// <summary>The link's row for results.json; null for a proxy that is no link.</summary>
    public LinkResult? ResultFor(string proxy)
    {
        var link = _links.FirstOrDefault(l => l.Name == proxy)?.Link;
        if (link is null)
            return null;
        var result = new LinkResult(link.From, link.To, link.FromRegion, link.ToRegion, link.Rtt.TotalMilliseconds, _observed);
        return _tallies.TryGetValue(proxy, out var tally) ? tally.Fill(result) : result;
    }

    public void Dispose()
    {
        foreach (var watch in _watches)
            watch.Dispose();
    }

    private static void Record(string link, ProxyExchange e, LinkTally tally, ISampleSink store, string phase)
    {
        var tags = new SampleTags(link, phase);
        switch (e.Kind)
        {
            case ProxyExchangeKind.Connected:
                tally.Connected();
                store.Add(new Sample(MetricNames.LinkConnections, 1, e.Time, tags));
                break;
            case ProxyExchangeKind.Answered:
                tally.Answered(e.Wait.TotalMilliseconds);
                store.Add(new Sample(MetricNames.LinkWait, e.Wait.TotalMilliseconds, e.Time, tags));
                store.Add(new Sample(MetricNames.LinkReqAbandoned, 0, e.Time, tags));
                break;
            case ProxyExchangeKind.Abandoned:
                tally.Abandoned(e.Wait.TotalMilliseconds);
                store.Add(new Sample(MetricNames.LinkAbandoned, 1, e.Time, tags));
                store.Add(new Sample(MetricNames.LinkReqAbandoned, 1, e.Time, tags));
                break;
        }
    }
}
