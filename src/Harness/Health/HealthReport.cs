using Harness.Metrics;
using Harness.Reports.Model;

namespace Harness.Health;

/// <summary>Turns what a <see cref="HealthSampler"/> recorded into results.json's <c>health</c> section.</summary>
public static class HealthReport
{
    public static HealthResult? Build(HealthSampler? sampler, IReadOnlyList<PhaseResult> phases)
    {
        if (sampler is null)
            return null;
        var store = sampler.Store;
        var windows = phases
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.EndedAt - p.StartedAt)), StringComparer.Ordinal);
        var total = windows.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        var metrics = HealthMetrics
            .All.Where(m => store.Keys.Any(k => k.Metric == m.Key))
            .Select(m => new MetricResult(
                m.Key,
                "trend",
                m.Value.Unit,
                store.Summarize(HealthMetrics.Source, m.Key, null, total),
                windows.ToDictionary(w => w.Key, w => store.Summarize(HealthMetrics.Source, m.Key, w.Key, w.Value), StringComparer.Ordinal),
                store.Timeline(HealthMetrics.Source, m.Key)
            ))
            .ToList();
        MetricSummary? In(string metric, string phase) =>
            metrics.FirstOrDefault(m => m.Name == metric)?.Phases.GetValueOrDefault(phase) is { Samples: > 0 } s ? s : null;
        var assessed = windows
            .Keys.Select(p =>
                SaturationBounds.Assess(p, In(HealthMetrics.TimerLag, p), In(HealthMetrics.Cpu, p), In(HealthMetrics.LoadPerCore, p))
            )
            .ToList();
        return new HealthResult(metrics, assessed, SaturationBounds.Result, sampler.Cores);
    }
}
