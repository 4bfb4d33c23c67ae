using Harness.Metrics;
using Harness.Orchestration;
using Harness.Reports.Model;

namespace Harness.Health;

/// <summary>
/// What saturation does to a verdict. A failed threshold is excused by saturation when it covers a saturated phase (a
/// threshold without a phase covers every phase) and its metric is one a slow harness can fail (see
/// <see cref="TimingSensitivity"/>). A failed run whose every failure is excused is inconclusive (exit 4): the harness,
/// not the target, may have been slow, so a nightly job retries instead of paging. A failure that is not excused (in a
/// healthy phase, or of a metric no slowness of the harness produces, such as an HTTP 500) keeps the run failed, and
/// the warning names the thresholds that failed despite the saturation. A passed run stays passed with a warning.
/// Errors and interruptions are left as they are.
/// </summary>
public static class SaturationVerdict
{
    public static (RunStatus Status, int ExitCode, HealthResult Health) Apply(
        RunStatus status,
        int exitCode,
        IReadOnlyList<ThresholdResult> thresholds,
        HealthResult health,
        IReadOnlyDictionary<string, IReadOnlyList<ErrorTally>>? errors = null
    )
    {
        var saturated = health.Phases.Where(p => p.Saturated).ToList();
        if (saturated.Count == 0)
            return (status, exitCode, health);
        var failed = thresholds.Where(t => !t.Passed).Where(t => saturated.Any(p => Covers(t, p))).ToList();
        var realFailures = failed
            .Select(t => (Threshold: t, Why: TimingSensitivity.WhyNotTiming(t, ErrorsOf(t, errors))))
            .Where(f => f.Why is not null)
            .ToList();
        var excused = failed.Where(t => realFailures.All(f => f.Threshold != t)).ToList();
        var failedElsewhere = thresholds.Any(t => !t.Passed && !failed.Contains(t));
        if (status == RunStatus.Failed && excused.Count > 0 && realFailures.Count == 0 && !failedElsewhere)
        {
            var blamed = saturated.Where(p => excused.Any(t => Covers(t, p))).ToList();
            return (
                RunStatus.Inconclusive,
                ExitCodes.Inconclusive,
                health with
                {
                    Verdict = $"FAILED - unreliable: the harness was saturated in {Describe(blamed)}",
                }
            );
        }
        var warning = $"the harness was saturated in {Describe(saturated)}";
        if (status == RunStatus.Passed)
            warning += "; the run passed anyway, but its figures include the harness's own delay";
        else if (status == RunStatus.Failed && realFailures.Count > 0)
        {
            warning +=
                "; failed despite the saturation, as no slowness of the harness causes them: "
                + string.Join("; ", realFailures.Select(f => $"{f.Threshold.Probe}: {f.Threshold.Expression} ({f.Why})"));
            if (excused.Count > 0)
                warning += "; possibly the saturation's doing: " + List(excused);
        }
        else if (status == RunStatus.Failed && failedElsewhere)
        {
            warning +=
                failed.Count == 0
                    ? "; the failed thresholds do not cover those phases"
                    : "; the run failed on thresholds of healthy phases; possibly the saturation's doing: " + List(excused);
        }
        return (status, exitCode, health with { Warning = warning });
    }

    private static bool Covers(ThresholdResult threshold, PhaseHealthResult phase) =>
        threshold.Phase is null || threshold.Phase == phase.Phase;

    private static IReadOnlyList<ErrorTally> ErrorsOf(
        ThresholdResult threshold,
        IReadOnlyDictionary<string, IReadOnlyList<ErrorTally>>? errors
    ) => errors?.GetValueOrDefault(threshold.Probe) ?? [];

    private static string List(IEnumerable<ThresholdResult> thresholds) =>
        string.Join("; ", thresholds.Select(t => $"{t.Probe}: {t.Expression}"));

    private static string Describe(List<PhaseHealthResult> phases) => string.Join("; ", phases.Select(p => $"phase {p.Phase}, {p.Reason}"));
}
