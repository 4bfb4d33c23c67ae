using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>
/// Which phases impair a probe's path: a phase toxic, a proxy event (reset, disable, flap, ramp) or a profile on a
/// proxy the probe is routed through, a proxy still disabled by an earlier phase, or, for a browser probe, an
/// emulated browser network in force. A probe routed through no proxy is impaired in no phase.
/// </summary>
internal static class ImpairedPhases
{
    public static HashSet<string> Of(Scenario scenario, ProbeSpec probe)
    {
        var proxies = RoutedThrough(scenario, probe);
        var impaired = new HashSet<string>(StringComparer.Ordinal);
        var profiled = scenario.Network.Proxies.Any(p => proxies.Contains(p.Name) && p.Profile?.ToToxics(p.Name).Count > 0);
        var disabled = new HashSet<string>(StringComparer.Ordinal);
        var emulated = false;
        foreach (var phase in scenario.Timeline)
        {
            var hit =
                profiled
                || disabled.Overlaps(proxies)
                || (probe is BrowserProbeSpec && emulated)
                || phase.Toxics.Any(t => proxies.Contains(t.Proxy));
            foreach (var e in phase.Events.Select(e => e.Action))
            {
                switch (e)
                {
                    case SetProxyEnabledAction s when proxies.Contains(s.Proxy):
                        hit = true;
                        if (s.Enabled)
                            disabled.Remove(s.Proxy);
                        else
                            disabled.Add(s.Proxy);
                        break;
                    case ResetConnectionsAction r when proxies.Contains(r.Proxy):
                    case FlapAction f when proxies.Contains(f.Proxy):
                    case RampAction a when proxies.Contains(a.Proxy):
                        hit = true;
                        break;
                    case BrowserNetworkAction b when probe is BrowserProbeSpec && (b.Probe is null || b.Probe == probe.Name):
                        hit = true;
                        emulated = b.Conditions is not null;
                        break;
                }
            }
            if (hit)
                impaired.Add(phase.Name);
        }
        return impaired;
    }

    /// <summary>
    /// The proxies carrying the probe's traffic: those routing its URL's host (a browser page may reach any routed
    /// host, so every proxy it may use), shared or of its region, and its participants' own proxies.
    /// </summary>
    public static HashSet<string> RoutedThrough(Scenario scenario, ProbeSpec probe)
    {
        var usable = scenario.Network.Proxies.Where(p => p.ForProbes is null || p.ForProbes.Contains(probe.Name, StringComparer.Ordinal));
        var names = usable
            .Where(p => probe is BrowserProbeSpec || p.Hosts.Contains(probe.Url.Host, StringComparer.OrdinalIgnoreCase))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        if (probe is BrowserProbeSpec browser)
            names.UnionWith(browser.Participants.Select(p => p.Proxy).OfType<string>());
        return names;
    }
}
