namespace Harness.Reports.Model;

/// <summary>
/// Measurement health: what the harness measured about itself (<c>harness_*</c> metrics, overall and per phase), each
/// phase judged against <see cref="Bounds"/>, and what that did to the verdict. docs/results.md explains the bounds.
/// </summary>
public sealed record HealthResult(
    IReadOnlyList<MetricResult> Metrics,
    IReadOnlyList<PhaseHealthResult> Phases,
    HealthBoundsResult Bounds,
    int Cores
)
{
    /// <summary>
    /// "FAILED - unreliable: the harness was saturated in phase X, timer lag p99 340 ms" when it made the run
    /// inconclusive; else null.
    /// </summary>
    public string? Verdict { get; init; }

    /// <summary>Saturation that did not change the verdict (a passed run, or phases whose thresholds held); else null.</summary>
    public string? Warning { get; init; }
}

/// <summary>One phase: timer lag p99 (ms), mean process CPU (% of the machine), mean load per core, saturated or not.</summary>
public sealed record PhaseHealthResult(
    string Phase,
    double? TimerLagP99Ms,
    double? CpuPercent,
    double? LoadPerCore,
    bool Saturated,
    string? Reason
);

/// <summary>The saturation bounds a phase is judged against (the load per core is context, not a bound).</summary>
public sealed record HealthBoundsResult(double TimerLagP99Ms, double CpuPercent);
