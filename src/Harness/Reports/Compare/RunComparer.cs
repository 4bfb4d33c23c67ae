using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Analysis;
using Harness.Reports.Model;

namespace Harness.Reports.Compare;

/// <summary>
/// Baseline against candidate, per probe, metric and phase (and the whole run). Results keep per-metric summaries and
/// per-second points, not raw samples, so the test is a Mann-Whitney U over the per-second values (mean latency of
/// each second, failure share of each second, count per second); a change must also be significant (p &lt; 0.05) and
/// at least the minimum effect (latency: max(5 %, 5 ms) on p50 or p95) before it counts. docs/results.md explains why.
/// </summary>
internal static class RunComparer
{
    public const double Alpha = 0.05;
    public const double RelativeEffect = 0.05;
    public const double LatencyEffectMs = 5;
    public const double RateEffect = 0.01;
    public const double CounterEffectPerSecond = 0.1;
    public const int MinSeconds = 5;

    public static RunComparison Compare(RunResults baseline, RunResults candidate)
    {
        var notes = new List<string>();
        if (baseline.Scenario.Name != candidate.Scenario.Name) notes.Add($"different scenarios: {baseline.Scenario.Name} and {candidate.Scenario.Name}");
        if (baseline.Scenario.Seed != candidate.Scenario.Seed) notes.Add($"different seeds: {baseline.Scenario.Seed} and {candidate.Scenario.Seed}; random impairment differs");
        var phases = PhaseWindows.Names(baseline.Phases).Where(p => candidate.Phases.Any(c => c.Name == p)).Append("all").ToList();
        foreach (var p in PhaseWindows.Names(baseline.Phases).Concat(PhaseWindows.Names(candidate.Phases)).Distinct().Where(p => !phases.Contains(p)))
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
                metrics.AddRange(phases.Select(phase => Compare(probe.Name, phase, metric, baseline, counterpart, candidate)).OfType<MetricComparison>());
            }
            notes.AddRange(other.Metrics.Where(m => probe.Metrics.All(b => b.Name != m.Name)).Select(m => $"{probe.Name} {m.Name} is only in the candidate"));
        }
        notes.AddRange(candidate.Probes.Where(p => baseline.Probes.All(b => b.Name != p.Name)).Select(p => $"probe {p.Name} is only in the candidate"));
        return new RunComparison(baseline, candidate, metrics, notes);
    }

    public static Worse WorseDirection(string metric, string kind) => metric switch
    {
        MetricNames.Checks => Worse.Lower,
        MetricNames.WsMsgsLost or MetricNames.WsMsgsDuplicated or MetricNames.WsMsgsReordered or MetricNames.WsDisconnects or MetricNames.WsHandshakeFailed
            or MetricNames.WsReconnects or MetricNames.BrowserConsoleErrors or MetricNames.BrowserPageErrors or MetricNames.BrowserRequestsFailed
            or MetricNames.DroppedIterations => Worse.Higher,
        MetricNames.WsSessionDuration => Worse.Neither,
        _ when kind == "trend" => Worse.Higher,
        _ when kind == "rate" => Worse.Higher,
        _ => Worse.Neither,
    };

    private static MetricComparison? Compare(string probe, string phase, MetricResult metric, RunResults baselineRun, MetricResult counterpart, RunResults candidateRun)
    {
        var b = Summary(metric, phase);
        var c = Summary(counterpart, phase);
        if (b is null || c is null || (b.Samples == 0 && c.Samples == 0)) return null;
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
            return Result(ChangeVerdict.Unchanged, null, $"too few seconds with samples for a test ({baseValues.Count} and {candValues.Count}; need {MinSeconds} each)");
        }
        var test = MannWhitney.Test(baseValues, candValues);
        var moved = Moved(metric, baseline, candidate);
        if (worse == Worse.Neither) return Result(ChangeVerdict.Unchanged, test.PValue, "not judged: neither direction is worse for this metric");
        if (test.PValue >= Alpha) return Result(ChangeVerdict.Unchanged, test.PValue, $"no significant difference (p = {P(test.PValue)})");
        if (moved.Direction == 0 || moved.Direction != test.Direction)
        {
            return Result(ChangeVerdict.Unchanged, test.PValue, $"significant (p = {P(test.PValue)}) but below the minimum effect ({moved.Description})");
        }
        var regressed = (moved.Direction > 0) == (worse == Worse.Higher);
        return Result(regressed ? ChangeVerdict.Regressed : ChangeVerdict.Improved, test.PValue, $"{moved.Description}, p = {P(test.PValue)}");
    }

    /// <summary>Whether the headline figures moved by at least the minimum effect, and which way (+1 up, -1 down, 0 neither).</summary>
    private static (int Direction, string Description) Moved(MetricResult metric, Figures baseline, Figures candidate)
    {
        (string Name, double? Base, double? Cand)[] figures = metric.Kind == "trend"
            ? [("p50", baseline.P50, candidate.P50), ("p95", baseline.P95, candidate.P95)]
            : [(metric.Kind == "rate" ? "rate" : "per second", baseline.Avg, candidate.Avg)];
        var parts = new List<string>();
        var direction = 0;
        var conflicting = false;
        foreach (var (name, b, c) in figures)
        {
            if (b is null || c is null) continue;
            var delta = c.Value - b.Value;
            var min = MinEffect(metric, b);
            var enough = Math.Abs(delta) >= min;
            parts.Add($"{name} {ReportFormat.Signed(delta, metric.Unit)} {(enough ? "≥" : "<")} {ReportFormat.WithUnit(min, metric.Unit)}");
            if (!enough) continue;
            if (direction == 0) direction = Math.Sign(delta);
            else if (direction != Math.Sign(delta)) conflicting = true;
        }
        // p50 up and p95 down (or the reverse) by more than the minimum each: the shape changed, not the level; not judged.
        return (conflicting ? 0 : direction, string.Join(", ", parts) + (conflicting ? "; p50 and p95 moved in opposite directions" : ""));
    }

    /// <summary>The smallest change that counts: 5 % of the baseline, and at least 5 ms (latency), 1 point (rates) or 0.1/s (counters).</summary>
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

    private static Figures Figures(string kind, MetricSummary s, int seconds) => kind switch
    {
        "trend" => new Figures(s.Med, s.P95, s.Avg, seconds),
        _ => new Figures(null, null, s.Rate, seconds),
    };

    private static MetricSummary? Summary(MetricResult metric, string phase) => phase == "all" ? metric.All : metric.Phases.GetValueOrDefault(phase);

    private static List<double> Values(MetricResult metric, IReadOnlyList<PhaseResult> phases, string phase) =>
        PhaseWindows.In(phases, metric.Timeline ?? [], phase == "all" ? null : phase)
            .Where(p => metric.Kind == "counter" || p.Count > 0)
            .Select(p => KeyMetrics.PerSecondValue(metric, p)).ToList();

    public static string P(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
