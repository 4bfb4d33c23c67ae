using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>Measurement health as rows every report shows the same way: per phase, the figures judged against the bounds.</summary>
internal static class HealthFigures
{
    public static readonly string[] Headers =
    [
        "phase",
        "timer lag p99",
        "harness CPU (avg)",
        "load per core (avg)",
        "thread-pool queue (max)",
        "GC pause (max/s)",
        "saturated",
    ];

    /// <summary>The verdict-relevant sentence: why the run is inconclusive, or the warning; null when the harness kept up.</summary>
    public static string? Headline(RunResults r) => r.Health?.Verdict ?? (r.Health?.Warning is { } w ? $"warning: {w}" : null);

    public static IEnumerable<string[]> Rows(HealthResult health) =>
        health.Phases.Select(p =>
            new[]
            {
                p.Phase,
                ReportFormat.WithUnit(p.TimerLagP99Ms, "ms"),
                ReportFormat.WithUnit(p.CpuPercent, "%"),
                ReportFormat.WithUnit(p.LoadPerCore, ""),
                ReportFormat.WithUnit(Phase(health, Health.HealthMetrics.ThreadPoolQueue, p.Phase)?.Max, ""),
                ReportFormat.WithUnit(Phase(health, Health.HealthMetrics.GcPause, p.Phase)?.Max, "ms"),
                p.Saturated ? $"yes: {p.Reason}" : "no",
            }
        );

    /// <summary>"Saturated above: timer lag p99 50 ms, or harness CPU 90 % of all 2 cores ...".</summary>
    public static string Bounds(HealthResult health) =>
        $"Saturated above: timer lag p99 {ReportFormat.WithUnit(health.Bounds.TimerLagP99Ms, "ms")}, "
        + $"or harness CPU {ReportFormat.WithUnit(health.Bounds.CpuPercent, "%")} of all {ReportFormat.Integer(health.Cores)} cores "
        + "(the machine's load is context). A run whose failures are all timings, pace counts or timeouts in saturated "
        + "phases is inconclusive (exit 4); any other failure still fails it; see docs/results.md, \"Measurement health\".";

    private static Metrics.MetricSummary? Phase(HealthResult health, string metric, string phase) =>
        health.Metrics.FirstOrDefault(m => m.Name == metric)?.Phases.GetValueOrDefault(phase) is { Samples: > 0 } s ? s : null;
}
