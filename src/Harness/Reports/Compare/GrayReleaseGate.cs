using System.Globalization;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Reports.Compare;

/// <summary>
/// <c>gray_release:</c> as thresholds: per split probe, judged metric and phase, the candidate version against the
/// baseline version inside the run (<see cref="VersionComparer"/>). It fails when the comparison says regressed and
/// the shift also reaches the gate's own <c>min_effect</c>; a phase where either version has too few seconds to test
/// fails too (it cannot hold). The detail names the metric and the size: "B vs A +83 ms (+97 %)".
/// </summary>
internal static class GrayReleaseGate
{
    public const string Tag = "version";

    /// <summary>The aggregation gate thresholds carry: the location shift of the candidate against the baseline.</summary>
    public const string Aggregation = "shift";

    public static IReadOnlyList<ThresholdResult> Evaluate(GrayReleaseGateSpec gate, Scenario scenario, RunResults run)
    {
        var comparison = VersionComparer.Compare(run, Tag, gate.Baseline, gate.Candidate);
        var results = new List<ThresholdResult>();
        var phases = run.Phases.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        foreach (var probe in scenario.Probes.Where(p => Runs(p, gate.Baseline) && Runs(p, gate.Candidate)))
        {
            var rows = comparison.Metrics.Where(m => m.Probe == probe.Name && m.Phase != "all").ToList();
            var emitted = run.Probes.FirstOrDefault(p => p.Name == probe.Name)
                ?.Metrics.Select(m => m.Name)
                .ToHashSet(StringComparer.Ordinal)
                ?? [];
            var metrics =
                gate.Metrics.Count > 0
                    ? gate.Metrics.Where(emitted.Contains).ToList()
                    : rows.Where(m => RunComparer.WorseDirection(m.Metric, m.Kind) != Worse.Neither)
                        .Select(m => m.Metric)
                        .Distinct(StringComparer.Ordinal)
                        .ToList();
            foreach (var metric in metrics)
            {
                foreach (var phase in phases)
                {
                    var row = rows.FirstOrDefault(m => m.Metric == metric && m.Phase == phase);
                    results.Add(row is null ? Missing(gate, probe.Name, metric, phase) : Judge(gate, row));
                }
            }
        }
        return results;
    }

    private static bool Runs(ProbeSpec probe, string version) => probe.Split?.Any(s => s.Version == version && s.Weight > 0) == true;

    private static string Source(GrayReleaseGateSpec gate, string metric, string phase) =>
        $"gray_release {metric}{{phase:{phase}}} {gate.Candidate} vs {gate.Baseline}";

    private static ThresholdResult Missing(GrayReleaseGateSpec gate, string probe, string metric, string phase) =>
        new(
            probe,
            Source(gate, metric, phase),
            metric,
            phase,
            Aggregation,
            "<",
            0,
            null,
            false,
            $"no {metric} samples of both {gate.Baseline} and {gate.Candidate} in phase {phase}, so the gate cannot hold"
        )
        {
            Tags = new Dictionary<string, string> { [Tag] = gate.Candidate },
        };

    private static ThresholdResult Judge(GrayReleaseGateSpec gate, MetricComparison row)
    {
        var baseline = row.Kind == "trend" ? row.Baseline.P50 : row.Baseline.Avg;
        var floor = Math.Max(row.Unit == "ms" ? gate.MinEffectMs ?? 0 : 0, (gate.MinEffectRatio ?? 0) * Math.Abs(baseline ?? 0));
        var limit = Math.Max(row.MinEffect, floor);
        var size = row.Shift is { } s ? Size(s, baseline, row.Unit) : "n/a";
        var who = $"{row.Metric} {gate.Candidate} vs {gate.Baseline} {size} in phase {row.Phase}";
        var (passed, detail) = row switch
        {
            { Shift: null } => (false, $"{who}: cannot judge ({row.Reason})"),
            { Verdict: ChangeVerdict.Regressed } when row.Shift.Value >= floor || row.Shift.Value <= -floor => (
                false,
                $"{who}: regressed ({row.Reason})"
            ),
            { Verdict: ChangeVerdict.Regressed } => (
                true,
                $"{who}: below the gate's min_effect {ReportFormat.WithUnit(floor, row.Unit)} ({row.Reason})"
            ),
            _ => (true, $"{who}: {row.Verdict.ToString().ToLowerInvariant()} ({row.Reason})"),
        };
        return new ThresholdResult(
            row.Probe,
            Source(gate, row.Metric, row.Phase),
            row.Metric,
            row.Phase,
            Aggregation,
            "<",
            limit,
            row.Shift,
            passed,
            detail
        )
        {
            Tags = new Dictionary<string, string> { [Tag] = gate.Candidate },
        };
    }

    /// <summary>"+83.2 ms (+97.1 %)": the shift and its share of the baseline.</summary>
    private static string Size(double shift, double? baseline, string unit)
    {
        var relative = baseline is > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({(shift >= 0 ? "+" : "")}{shift / baseline.Value * 100:0.#} %)")
            : "";
        return ReportFormat.Signed(shift, unit) + relative;
    }
}
