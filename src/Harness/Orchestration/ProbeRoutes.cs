using System.Net;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>
/// Which proxy each probe's hosts go through. Proxies for every probe route their hosts (a host listed by
/// several goes through the first); region links route only their own probes, ahead of the shared ones.
/// </summary>
internal static class ProbeRoutes
{
    public static Func<ProbeSpec, ProbeContext> ContextsFor(
        Scenario scenario,
        IReadOnlyDictionary<string, IPEndPoint> endpoints,
        MetricStore store,
        PhaseClock clock,
        TimeProvider time
    )
    {
        var shared = Routes(scenario.Network.Proxies.Where(p => p.ForProbes is null), endpoints);
        var sharedContext = new ProbeContext(store, clock, time, new HostRoutes(shared)) { Errors = store.Errors };
        return spec =>
        {
            var own = scenario.Network.Proxies.Where(p => p.ForProbes?.Contains(spec.Name) == true).ToList();
            if (own.Count == 0)
                return sharedContext;
            var routes = Routes(own, endpoints);
            routes.AddRange(shared.Where(s => routes.All(r => !string.Equals(r.Key, s.Key, StringComparison.OrdinalIgnoreCase))));
            return new ProbeContext(store, clock, time, new HostRoutes(routes)) { Errors = store.Errors };
        };
    }

    private static List<KeyValuePair<string, IPEndPoint>> Routes(
        IEnumerable<ProxySpec> proxies,
        IReadOnlyDictionary<string, IPEndPoint> endpoints
    )
    {
        var routes = new List<KeyValuePair<string, IPEndPoint>>();
        foreach (var proxy in proxies)
        {
            routes.AddRange(
                proxy
                    .Hosts.Where(h => routes.All(r => !string.Equals(r.Key, h, StringComparison.OrdinalIgnoreCase)))
                    .Select(h => KeyValuePair.Create(h, endpoints[proxy.Name]))
            );
        }
        return routes;
    }
}
