using Harness.Orchestration;
using Harness.Reports.Model;

namespace Harness.Health;

/// <summary>
/// What saturation does to a verdict. A run whose failed thresholds cover a saturated phase (a threshold without a
/// phase covers every phase) is inconclusive (exit 4): the harness, not the target, may have been slow, so a nightly
/// job retries instead of paging. A passed run stays passed, and a failure outside saturated phases stays failed; both
/// carry a warning. Errors and interruptions are left as they are.
/// </summary>
public static class SaturationVerdict
{
    public static (RunStatus Status, int ExitCode, HealthResult Health) Apply(
        RunStatus status, int exitCode, IReadOnlyList<ThresholdResult> thresholds, HealthResult health)
    {
        var saturated = health.Phases.Where(p => p.Saturated).ToList();
        if (saturated.Count == 0) return (status, exitCode, health);
        var failed = thresholds.Where(t => !t.Passed).ToList();
        var blamed = saturated.Where(p => failed.Any(t => t.Phase is null || t.Phase == p.Phase)).ToList();
        if (status == RunStatus.Failed && blamed.Count > 0)
        {
            return (RunStatus.Inconclusive, ExitCodes.Inconclusive,
                health with { Verdict = $"FAILED - unreliable: the harness was saturated in {Describe(blamed)}" });
        }
        var warning = $"the harness was saturated in {Describe(saturated)}" + (status == RunStatus.Passed
            ? "; the run passed anyway, but its figures include the harness's own delay"
            : "; the failed thresholds do not cover those phases");
        return (status, exitCode, health with { Warning = warning });
    }

    private static string Describe(List<PhaseHealthResult> phases) => string.Join("; ", phases.Select(p => $"phase {p.Phase}, {p.Reason}"));
}
