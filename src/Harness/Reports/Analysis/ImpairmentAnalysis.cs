using Harness.Reports.Model;

namespace Harness.Reports.Analysis;

/// <summary>What was asked of one proxy in one phase, per direction (profile toxics plus the phase's own).</summary>
internal sealed record ConfiguredImpairment(string Proxy, string Phase, IReadOnlyList<ToxicResult> Upstream, IReadOnlyList<ToxicResult> Downstream)
{
    public double LatencyMs(string direction) => (direction == "upstream" ? Upstream : Downstream)
        .Where(t => t.Type == "latency").Sum(t => t.Attributes.GetValueOrDefault("latency") * t.Toxicity);

    /// <summary>Latency a metric should see: downstream only for one-way metrics, both directions for a round trip.</summary>
    public double ExpectedLatencyMs(string measures) => measures == "downstream" ? LatencyMs("downstream") : LatencyMs("upstream") + LatencyMs("downstream");
}

/// <summary>
/// Achieved impairment as one probe saw it: the median of its main latency metric in a phase minus its median in the
/// reference phase, next to the latency configured for the directions that metric crosses.
/// </summary>
internal sealed record AchievedImpairment(string Probe, string Metric, string Measures, double? ExpectedAddedMs, double? AchievedAddedMs, double? PhaseMedian);

internal sealed record ImpairmentRow(ConfiguredImpairment Configured, IReadOnlyList<AchievedImpairment> Achieved, bool IsReference);

/// <summary>
/// Configured against achieved impairment per proxy, phase and direction. The reference phase is the first phase
/// without phase toxics (usually "baseline"); profile toxics apply in every phase, so they cancel out of the difference.
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
            var routed = results.Probes.Where(p => RoutedThrough(p, proxy)).ToList();
            var referenceConfig = reference is null ? null : Configured(results, proxy, reference);
            foreach (var phase in PhaseWindows.Names(results.Phases))
            {
                var configured = Configured(results, proxy, phase);
                var achieved = routed.Select(probe => Achieved(probe, phase, reference, configured, referenceConfig)).OfType<AchievedImpairment>().ToList();
                rows.Add(new ImpairmentRow(configured, achieved, phase == reference));
            }
        }
        return rows;
    }

    public static bool RoutedThrough(ProbeResult probe, ProxyResult proxy) =>
        Uri.TryCreate(probe.Url, UriKind.Absolute, out var uri) && proxy.Hosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase));

    private static ConfiguredImpairment Configured(RunResults results, ProxyResult proxy, string phase)
    {
        var toxics = proxy.ProfileToxics.Concat(results.Phases.Where(p => p.Name == phase).Take(1).SelectMany(p => p.Toxics).Where(t => t.Proxy == proxy.Name)).ToList();
        return new ConfiguredImpairment(proxy.Name, phase, toxics.Where(t => t.Stream == "upstream").ToList(), toxics.Where(t => t.Stream != "upstream").ToList());
    }

    private static AchievedImpairment? Achieved(ProbeResult probe, string phase, string? reference, ConfiguredImpairment configured, ConfiguredImpairment? referenceConfig)
    {
        var metric = KeyMetrics.MainLatency(probe);
        if (metric is null) return null;
        var measures = KeyMetrics.Measures(metric.Name);
        var median = metric.Phases.GetValueOrDefault(phase)?.Med;
        var referenceMedian = reference is null ? null : metric.Phases.GetValueOrDefault(reference)?.Med;
        double? expected = referenceConfig is null ? null : configured.ExpectedLatencyMs(measures) - referenceConfig.ExpectedLatencyMs(measures);
        double? achieved = median is null || referenceMedian is null ? null : median - referenceMedian;
        return new AchievedImpairment(probe.Name, metric.Name, measures, expected, achieved, median);
    }
}
