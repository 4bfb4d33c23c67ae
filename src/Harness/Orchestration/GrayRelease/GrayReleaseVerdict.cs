using Harness.Reports.Compare;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Orchestration.GrayRelease;

/// <summary>
/// Adds the gray-release gate's thresholds to a finished run and lets a failed one fail the run (exit 1, or 4 when saturated).
/// </summary>
internal static class GrayReleaseVerdict
{
    public static RunResults Apply(RunResults results, Scenario scenario)
    {
        if (scenario.GrayRelease is not { } gate || results.Phases.Count == 0)
            return results;
        if (results.Status is not (RunStatus.Passed or RunStatus.Failed or RunStatus.Inconclusive))
            return results;
        var gateResults = GrayReleaseGate.Evaluate(gate, scenario, results);
        var thresholds = results.Thresholds.Concat(gateResults).ToList();
        var (status, exitCode, health) = (results.Status, results.ExitCode, results.Health);
        if (status == RunStatus.Passed && gateResults.Any(t => !t.Passed))
            (status, exitCode) = (RunStatus.Failed, ExitCodes.ThresholdsFailed);
        var errors = results.Probes.ToDictionary(p => p.Name, p => p.Errors, StringComparer.Ordinal);
        if (health is not null && status == RunStatus.Failed)
            (status, exitCode, health) = Health.SaturationVerdict.Apply(status, exitCode, thresholds, health, errors);
        return results with { Thresholds = thresholds, Status = status, ExitCode = exitCode, Health = health };
    }
}
