using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Analysis;
using Harness.Reports.Model;

namespace Harness.Reports.Compare;

/// <summary>
/// Baseline against candidate, per probe, metric and phase (and the whole run). Results keep per-metric summaries and
/// per-second points, not raw samples, so the test is a Mann-Whitney U over the per-second values (mean latency of
/// each second, failure share of each second, count per second). The verdict follows the location shift of those
/// values (Hodges-Lehmann): it counts when the test is significant (p &lt; 0.05) and the shift is at least the minimum
/// effect (latency: max(5 % of the baseline p50, 5 ms)). Percentiles are shown as context and never veto it.
/// docs/compare.md explains why.
/// </summary>
internal static class RunComparer
{
    public const double Alpha = 0.05;
    public const double RelativeEffect = 0.05;
    public const double LatencyEffectMs = 5;
    public const double RateEffect = 0.01;
    public const double CounterEffectPerSecond = 0.1;
    public const int MinSeconds = 5;

    /// <summary>Compares two runs; with <paramref name="by"/>, also every metric per value of each of those tags (judged alike).</summary>
    public static RunComparison Compare(RunResults baseline, RunResults candidate, IReadOnlyList<string>? by = null)
    {
        var notes = new List<string>();
        if (baseline.Scenario.Name != candidate.Scenario.Name)
            notes.Add($"different scenarios: {baseline.Scenario.Name} and {candidate.Scenario.Name}");
        if (baseline.Scenario.Seed != candidate.Scenario.Seed)
            notes.Add($"different seeds: {baseline.Scenario.Seed} and {candidate.Scenario.Seed}; random impairment differs");
        var phases = PhaseWindows.Names(baseline.Phases).Where(p => candidate.Phases.Any(c => c.Name == p)).Append("all").ToList();
        foreach (
            var p in PhaseWindows
                .Names(baseline.Phases)
                .Concat(PhaseWindows.Names(candidate.Phases))
                .Distinct()
                .Where(p => !phases.Contains(p))
        )
        {
            notes.Add($"phase {p} ran in only one of the runs; compared over the whole run only");
        }
        var metrics = new List<MetricComparison>();
        foreach (var probe in baseline.Probes)
        {
            var other = candidate.Probes.FirstOrDefault(p => p.Name == probe.Name);
            if (other is null)
            {
                notes.Add($"probe {probe.Name} is only in the baseline");
                continue;
            }
            foreach (var metric in probe.Metrics)
            {
                var counterpart = other.Metrics.FirstOrDefault(m => m.Name == metric.Name);
                if (counterpart is null)
                {
                    notes.Add($"{probe.Name} {metric.Name} is only in the baseline");
                    continue;
                }
                metrics.AddRange(
                    phases.Select(phase => Compare(probe.Name, phase, metric, baseline, counterpart, candidate)).OfType<MetricComparison>()
                );
                foreach (var tag in by ?? [])
                {
                    metrics.AddRange(Breakdown(probe.Name, tag, metric, baseline, counterpart, candidate, phases, notes));
                }
            }
            notes.AddRange(
                other
                    .Metrics.Where(m => probe.Metrics.All(b => b.Name != m.Name))
                    .Select(m => $"{probe.Name} {m.Name} is only in the candidate")
            );
        }
        notes.AddRange(
            candidate.Probes.Where(p => baseline.Probes.All(b => b.Name != p.Name)).Select(p => $"probe {p.Name} is only in the candidate")
        );
        foreach (var tag in (by ?? []).Where(tag => metrics.All(m => m.Tag?.StartsWith(tag + "=", StringComparison.Ordinal) != true)))
        {
            notes.Add($"--by {tag}: no metric carried two or more values of tag {tag} in both runs, so there is nothing to break down");
        }
        return new RunComparison(baseline, candidate, metrics, notes);
    }

    /// <summary>One metric per value of <paramref name="tag"/> present in both runs; values on one side only become notes.</summary>
    private static List<MetricComparison> Breakdown(
        string probe,
        string tag,
        MetricResult metric,
        RunResults baselineRun,
        MetricResult counterpart,
        RunResults candidateRun,
        List<string> phases,
        List<string> notes
    )
    {
        var b = metric.Breakdown.Where(x => x.Tag == tag).ToDictionary(x => x.Value, StringComparer.Ordinal);
        var c = counterpart.Breakdown.Where(x => x.Tag == tag).ToDictionary(x => x.Value, StringComparer.Ordinal);
        notes.AddRange(b.Keys.Except(c.Keys).Select(v => $"{probe} {metric.Name} {tag}={v} is only in the baseline"));
        notes.AddRange(c.Keys.Except(b.Keys).Select(v => $"{probe} {metric.Name} {tag}={v} is only in the candidate"));
        var result = new List<MetricComparison>();
        foreach (var value in b.Keys.Intersect(c.Keys).Order(StringComparer.Ordinal))
        {
            var (baseline, candidate) = (AsMetric(metric, b[value]), AsMetric(counterpart, c[value]));
            result.AddRange(
                phases
                    .Select(phase => Compare(probe, phase, baseline, baselineRun, candidate, candidateRun))
                    .OfType<MetricComparison>()
                    .Select(m => m with { Tag = $"{tag}={value}" })
            );
        }
        return result;
    }

    private static MetricResult AsMetric(MetricResult metric, TagBreakdownResult part) =>
        new(metric.Name, metric.Kind, metric.Unit, part.All, part.Phases, part.Timeline);

    public static Worse WorseDirection(string metric, string kind) =>
        metric switch
        {
            MetricNames.Checks => Worse.Lower,
            MetricNames.WsMsgsLost
            or MetricNames.WsMsgsDuplicated
            or MetricNames.WsMsgsReordered
            or MetricNames.WsDisconnects
            or MetricNames.WsHandshakeFailed
            or MetricNames.WsReconnects
            or MetricNames.BrowserConsoleErrors
            or MetricNames.BrowserPageErrors
            or MetricNames.BrowserRequestsFailed
            or MetricNames.DroppedIterations => Worse.Higher,
            MetricNames.WsSessionDuration => Worse.Neither,
            _ when kind == "trend" => Worse.Higher,
            _ when kind == "rate" => Worse.Higher,
            _ => Worse.Neither,
        };

    private static MetricComparison? Compare(
        string probe,
        string phase,
        MetricResult metric,
        RunResults baselineRun,
        MetricResult counterpart,
        RunResults candidateRun
    )
    {
        var b = Summary(metric, phase);
        var c = Summary(counterpart, phase);
        if (b is null || c is null || (b.Samples == 0 && c.Samples == 0))
            return null;
        var baseValues = Values(metric, baselineRun.Phases, phase);
        var candValues = Values(counterpart, candidateRun.Phases, phase);
        var baseline = Figures(metric.Kind, b, baseValues.Count);
        var candidate = Figures(counterpart.Kind, c, candValues.Count);
        var worse = WorseDirection(metric.Name, metric.Kind);
        var minEffect = MinEffect(metric, metric.Kind == "trend" ? baseline.P50 : baseline.Avg);
        MetricComparison Result(ChangeVerdict verdict, double? p, string reason) =>
            new(probe, metric.Name, metric.Kind, metric.Unit, phase, baseline, candidate, p, minEffect, verdict, reason);

        if (baseValues.Count < MinSeconds || candValues.Count < MinSeconds)
        {
            return Result(
                ChangeVerdict.Unchanged,
                null,
                $"too few seconds with samples for a test ({baseValues.Count} and {candValues.Count}; need {MinSeconds} each)"
            );
        }
        var test = MannWhitney.Test(baseValues, candValues);
        var shift = HodgesLehmann.Shift(baseValues, candValues);
        var comparedTo = Math.Abs(shift) >= minEffect ? "≥" : "<";
        var context =
            $"shift {ReportFormat.Signed(shift, metric.Unit)} {comparedTo} {ReportFormat.WithUnit(minEffect, metric.Unit)}"
            + Percentiles(metric, baseline, candidate);
        MetricComparison Judged(ChangeVerdict verdict, string reason) => Result(verdict, test.PValue, reason) with { Shift = shift };
        if (worse == Worse.Neither)
            return Judged(ChangeVerdict.Unchanged, "not judged: neither direction is worse for this metric");
        if (test.PValue >= Alpha)
            return Judged(ChangeVerdict.Unchanged, $"no significant difference (p = {P(test.PValue)}; {context})");
        // The verdict follows the location shift alone; percentiles are context and never veto it.
        if (Math.Abs(shift) < minEffect || Math.Sign(shift) != test.Direction)
        {
            return Judged(ChangeVerdict.Unchanged, $"significant (p = {P(test.PValue)}) but below the minimum effect ({context})");
        }
        var regressed = (shift > 0) == (worse == Worse.Higher);
        return Judged(regressed ? ChangeVerdict.Regressed : ChangeVerdict.Improved, $"{context}, p = {P(test.PValue)}");
    }

    /// <summary>", p50 +92 ms, p95 -158 ms" for trends: how the percentiles moved, shown beside the shift, never judged.</summary>
    private static string Percentiles(MetricResult metric, Figures baseline, Figures candidate)
    {
        if (metric.Kind != "trend")
            return "";
        var parts = new List<string>();
        if (baseline.P50 is { } b50 && candidate.P50 is { } c50)
            parts.Add($"p50 {ReportFormat.Signed(c50 - b50, metric.Unit)}");
        if (baseline.P95 is { } b95 && candidate.P95 is { } c95)
            parts.Add($"p95 {ReportFormat.Signed(c95 - b95, metric.Unit)}");
        return parts.Count == 0 ? "" : $" (context: {string.Join(", ", parts)})";
    }

    /// <summary>
    /// The smallest change that counts: 5 % of the baseline, and at least 5 ms (latency), 1 point (rates) or 0.1/s (counters).
    /// </summary>
    public static double MinEffect(MetricResult metric, double? baseline)
    {
        var relative = RelativeEffect * Math.Abs(baseline ?? 0);
        var absolute = metric.Kind switch
        {
            "trend" => metric.Unit == "ms" ? LatencyEffectMs : 0,
            "rate" => RateEffect,
            _ => CounterEffectPerSecond,
        };
        return Math.Max(relative, absolute);
    }

    private static Figures Figures(string kind, MetricSummary s, int seconds) =>
        kind switch
        {
            "trend" => new Figures(s.Med, s.P95, s.Avg, seconds),
            _ => new Figures(null, null, s.Rate, seconds),
        };

    private static MetricSummary? Summary(MetricResult metric, string phase) =>
        phase == "all" ? metric.All : metric.Phases.GetValueOrDefault(phase);

    private static List<double> Values(MetricResult metric, IReadOnlyList<PhaseResult> phases, string phase) =>
        PhaseWindows
            .In(phases, metric.Timeline ?? [], phase == "all" ? null : phase)
            .Where(p => metric.Kind == "counter" || p.Count > 0)
            .Select(p => KeyMetrics.PerSecondValue(metric, p))
            .ToList();

    public static string P(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
