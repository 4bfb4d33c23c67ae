using Harness.Reports.Model;

namespace Harness.Reports.Analysis;

/// <summary>What was asked of one proxy in one phase, per direction (profile toxics plus the phase's own).</summary>
internal sealed record ConfiguredImpairment(
    string Proxy,
    string Phase,
    IReadOnlyList<ToxicResult> Upstream,
    IReadOnlyList<ToxicResult> Downstream
)
{
    public double LatencyMs(string direction) =>
        (direction == "upstream" ? Upstream : Downstream)
            .Where(t => t.Type == "latency")
            .Sum(t => t.Attributes.GetValueOrDefault("latency") * t.Toxicity);

    /// <summary>Latency a metric should see: downstream only for one-way metrics, both directions for a round trip.</summary>
    public double ExpectedLatencyMs(string measures) =>
        measures == "downstream" ? LatencyMs("downstream") : LatencyMs("upstream") + LatencyMs("downstream");
}

/// <summary>
/// Achieved impairment as one probe saw it: the median of its main latency metric in a phase minus its median in the
/// reference phase, next to the latency configured for the directions that metric crosses.
/// </summary>
internal sealed record AchievedImpairment(
    string Probe,
    string Metric,
    string Measures,
    double? ExpectedAddedMs,
    double? AchievedAddedMs,
    double? PhaseMedian
)
{
    /// <summary>The other proxies the probe's traffic crossed in the phase: its achieved figure is theirs too.</summary>
    public IReadOnlyList<string> AlsoThrough { get; init; } = [];
}

internal sealed record ImpairmentRow(ConfiguredImpairment Configured, IReadOnlyList<AchievedImpairment> Achieved, bool IsReference)
{
    /// <summary>Bytes the proxy carried in the phase, or null when the server does not count them.</summary>
    public long? Bytes { get; init; }
}

/// <summary>
/// Configured against achieved impairment per proxy, phase and direction. The reference phase is the first phase
/// without phase toxics (usually "baseline"); profile toxics apply in every phase, so they cancel out of the difference.
/// Which probes crossed a proxy in a phase: when the server counted each proxy's bytes, a proxy that carried none had
/// no probe; one that carried some had the probes whose URL host it serves and, when no other probe's URL points at
/// it, the browser probes (a page reaches other routed hosts: its WebSocket, its API). Without byte counts, the
/// probes whose URL host the proxy serves. A browser probe is measured by its navigation (browser_load first).
/// </summary>
internal static class ImpairmentAnalysis
{
    public static string? ReferencePhase(RunResults results) => results.Phases.FirstOrDefault(p => p.Toxics.Count == 0)?.Name;

    public static IReadOnlyList<ImpairmentRow> Rows(RunResults results)
    {
        var reference = ReferencePhase(results);
        var rows = new List<ImpairmentRow>();
        foreach (var proxy in results.Proxies)
        {
            var referenceConfig = reference is null ? null : Configured(results, proxy, reference);
            foreach (var phase in PhaseWindows.Names(results.Phases))
            {
                var configured = Configured(results, proxy, phase);
                var achieved = Crossing(results, proxy, phase)
                    .Select(probe =>
                        Achieved(probe, phase, reference, configured, referenceConfig) is { } a
                            ? a with
                            {
                                AlsoThrough = AlsoThrough(results, proxy, phase, probe),
                            }
                            : null
                    )
                    .OfType<AchievedImpairment>()
                    .ToList();
                rows.Add(new ImpairmentRow(configured, achieved, phase == reference) { Bytes = BytesIn(proxy, phase) });
            }
        }
        return rows;
    }

    public static long? BytesIn(ProxyResult proxy, string phase) => proxy.PhaseBytes?.GetValueOrDefault(phase);

    private static List<string> AlsoThrough(RunResults results, ProxyResult proxy, string phase, ProbeResult probe) =>
        results.Proxies.Where(other => other != proxy && Crossing(results, other, phase).Contains(probe)).Select(o => o.Name).ToList();

    /// <summary>The probes whose traffic crossed <paramref name="proxy"/> in <paramref name="phase"/> (see the class remarks).</summary>
    public static IReadOnlyList<ProbeResult> Crossing(RunResults results, ProxyResult proxy, string phase)
    {
        var routed = results.Probes.Where(p => RoutedThrough(p, proxy)).ToList();
        if (BytesIn(proxy, phase) is not { } bytes)
            return routed;
        if (bytes == 0)
            return [];
        var pages = routed.Any(p => p.Kind != "browser") ? [] : results.Probes.Where(p => p.Kind == "browser" && !routed.Contains(p));
        return [.. routed, .. pages];
    }

    public static bool RoutedThrough(ProbeResult probe, ProxyResult proxy) =>
        Uri.TryCreate(probe.Url, UriKind.Absolute, out var uri)
        && proxy.Hosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase));

    private static ConfiguredImpairment Configured(RunResults results, ProxyResult proxy, string phase)
    {
        var toxics = proxy
            .ProfileToxics.Concat(
                results.Phases.Where(p => p.Name == phase).Take(1).SelectMany(p => p.Toxics).Where(t => t.Proxy == proxy.Name)
            )
            .ToList();
        return new ConfiguredImpairment(
            proxy.Name,
            phase,
            toxics.Where(t => t.Stream == "upstream").ToList(),
            toxics.Where(t => t.Stream != "upstream").ToList()
        );
    }

    private static AchievedImpairment? Achieved(
        ProbeResult probe,
        string phase,
        string? reference,
        ConfiguredImpairment configured,
        ConfiguredImpairment? referenceConfig
    )
    {
        var metric = (probe.Kind == "browser" ? KeyMetrics.Navigation(probe) : null) ?? KeyMetrics.MainLatency(probe);
        if (metric is null)
            return null;
        var measures = KeyMetrics.Measures(metric.Name);
        var median = metric.Phases.GetValueOrDefault(phase)?.Med;
        var referenceMedian = reference is null ? null : metric.Phases.GetValueOrDefault(reference)?.Med;
        double? expected = referenceConfig is null
            ? null
            : configured.ExpectedLatencyMs(measures) - referenceConfig.ExpectedLatencyMs(measures);
        double? achieved = median is null || referenceMedian is null ? null : median - referenceMedian;
        return new AchievedImpairment(probe.Name, metric.Name, measures, expected, achieved, median);
    }
}
