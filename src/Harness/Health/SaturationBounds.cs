using System.Globalization;
using Harness.Metrics;
using Harness.Reports.Model;

namespace Harness.Health;

/// <summary>
/// When a phase counts as saturated (docs/results.md, "Measurement health", has the calibration): timer lag p99 above
/// 50 ms, or the harness process above 90 % of all cores on average. The machine's load per core is reported as
/// context but is no bound: measured on a shared 2-core box at load 11 to 12 per core, the harness's timers were
/// punctual (p99 9 to 18 ms) and its figures matched a quiet run's, so a load bound would make real failures inconclusive.
/// </summary>
public static class SaturationBounds
{
    public const double TimerLagP99Ms = 50;
    public const double CpuPercent = 90;

    public static HealthBoundsResult Result => new(TimerLagP99Ms, CpuPercent);

    /// <summary>Judges one phase from its summaries (null: not sampled in that phase).</summary>
    public static PhaseHealthResult Assess(string phase, MetricSummary? lag, MetricSummary? cpu, MetricSummary? loadPerCore)
    {
        var (lagP99, cpuAvg, loadAvg) = (lag?.P99, cpu?.Avg, loadPerCore?.Avg);
        var reasons = new List<string>();
        if (lagP99 > TimerLagP99Ms)
            reasons.Add($"timer lag p99 {Number(lagP99.Value)} ms");
        if (cpuAvg > CpuPercent)
            reasons.Add($"harness CPU {Number(cpuAvg.Value)} % of all cores");
        var reason = reasons.Count == 0 ? null : string.Join(", ", reasons);
        return new PhaseHealthResult(phase, lagP99, cpuAvg, loadAvg, reason is not null, reason);
    }

    private static string Number(double value) => value.ToString(value >= 10 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
