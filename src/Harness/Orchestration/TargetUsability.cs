using System.Globalization;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>
/// The run cannot pass on a dead target: a probe that tried and never succeeded in a phase where nothing impaired
/// its path, and never got an answer from the target either (every failure refused, reset, timed out, DNS or TLS),
/// says the target (or the way to it) is unusable, whatever the thresholds say. A target that answers wrongly
/// (404, 503, a failed check) is alive; the thresholds judge it. An HTTP probe that made no
/// request at all in such a phase, although the phase was long enough for one to start, is unusable too; other
/// kinds may be legitimately idle (a WebSocket stays open across phases, a load executor ends early, a browser
/// iteration spans phases), so for them only failed attempts count.
/// </summary>
internal static class TargetUsability
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    /// <summary>One message per unusable probe and phase, for the run's errors; empty when every probe got through.</summary>
    public static IReadOnlyList<string> Problems(
        Scenario scenario,
        MetricStore store,
        IReadOnlyDictionary<string, TimeSpan> windows,
        IReadOnlyList<ProxyResult> proxies
    )
    {
        var problems = new List<string>();
        foreach (var probe in scenario.Probes)
        {
            var impaired = ImpairedPhases.Of(scenario, probe);
            foreach (var (phase, window) in windows.Where(w => !impaired.Contains(w.Key)))
            {
                if (Problem(scenario, probe, store, phase, window, proxies) is { } problem)
                {
                    problems.Add(problem);
                    break; // the first such phase says enough
                }
            }
        }
        return problems;
    }

    private static string? Problem(
        Scenario scenario,
        ProbeSpec probe,
        MetricStore store,
        string phase,
        TimeSpan window,
        IReadOnlyList<ProxyResult> proxies
    )
    {
        var (attempts, successes, noun) = Exchanges(probe, store, phase);
        if (attempts == 0)
        {
            if (probe is not HttpProbeSpec http || window < http.Every + http.Timeout + Slack)
                return null;
            return Invariant(
                $"target unusable: probe {probe.Name}: no request in phase {phase} ({window.TotalSeconds:0.#} s, one every {http.Every.TotalSeconds:0.###} s)"
            );
        }
        if (successes > 0)
            return null;
        var classes = store.Errors.InPhase(probe.Name, phase);
        // A target that answered, even wrongly every time (404, 503, a failed check), is alive: the thresholds judge it.
        if (classes.Any(c => Answered(c.Class)))
            return null;
        var target = Target(scenario, probe, proxies);
        var failed = attempts - successes;
        var how = classes.Count switch
        {
            0 => "failed against",
            1 => $"{Verb(classes[0].Class)} by",
            _ => $"failed ({string.Join(", ", classes.Select(c => Invariant($"{c.Class} {c.Count}")))}) against",
        };
        return Invariant($"target unusable: probe {probe.Name}: {failed}/{attempts} {noun} {how} {target} in phase {phase}");
    }

    /// <summary>What a probe kind tried in the phase and how much of it went through.</summary>
    private static (long Attempts, long Successes, string Noun) Exchanges(ProbeSpec probe, MetricStore store, string phase)
    {
        if (probe is HttpProbeSpec || probe is LoadProbeSpec { Http: not null })
        {
            var requests = store.Aggregate(probe.Name, MetricNames.HttpReqFailed, phase);
            return (requests.Samples, requests.Samples - requests.NonZero, "requests");
        }
        if (probe is BrowserProbeSpec)
        {
            var checks = store.Aggregate(probe.Name, MetricNames.Checks, phase);
            return (checks.Samples, checks.NonZero, "steps");
        }
        var connects = store.Aggregate(probe.Name, MetricNames.WsConnecting, phase).Samples;
        var refused = (long)store.Aggregate(probe.Name, MetricNames.WsHandshakeFailed, phase).Sum;
        var received = (long)store.Aggregate(probe.Name, MetricNames.WsMsgsReceived, phase).Sum;
        return (connects + refused, connects + received, "connection attempts");
    }

    /// <summary>Classes that mean the target itself answered: an HTTP status, a handshake status, a close, a check.</summary>
    private static bool Answered(string errorClass) =>
        errorClass is "check" or "cut_off"
        || errorClass.StartsWith("status_", StringComparison.Ordinal)
        || errorClass.StartsWith("handshake_", StringComparison.Ordinal)
        || errorClass.StartsWith("closed_", StringComparison.Ordinal);

    private static string Verb(string errorClass) =>
        errorClass switch
        {
            "refused" => "refused",
            "reset" => "reset",
            "timeout" => "timed out",
            _ => $"failed ({errorClass})",
        };

    /// <summary>host:port of the probe's URL, and the upstream behind it when a proxy carries it.</summary>
    private static string Target(Scenario scenario, ProbeSpec probe, IReadOnlyList<ProxyResult> proxies)
    {
        var url = probe.Url;
        var address = url.IsDefaultPort ? url.Host : Invariant($"{url.Host}:{url.Port}");
        var routed = ImpairedPhases.RoutedThrough(scenario, probe);
        var proxy = proxies.FirstOrDefault(p => routed.Contains(p.Name) && p.Hosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase));
        return proxy is null ? address : $"{address} (via proxy {proxy.Name} to {proxy.Upstream})";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
