using System.Globalization;
using Harness.Orchestration;
using Harness.Reports;
using Harness.Reports.Model;

namespace Harness.Cli;

/// <summary><c>harness run PATH...</c>: validates every file first, then runs them one after another.</summary>
internal static class RunCommand
{
    public static async Task<int> ExecuteAsync(
        IReadOnlyList<string> paths, RunOptions options, IReadOnlyDictionary<string, string> environment, ConsoleOutput output, CancellationToken interrupt)
    {
        var loaded = ValidateCommand.Load(paths, environment, output);
        if (loaded is null)
        {
            output.Line("nothing was run: fix the problems above first");
            return ExitCodes.InvalidInput;
        }
        var codes = new List<int>();
        var runner = new ScenarioRunner(TimeProvider.System, output.Progress);
        foreach (var scenario in loaded.Select(l => l.Scenario!))
        {
            if (interrupt.IsCancellationRequested) break;
            output.Redact(scenario.Secrets);
            var outcome = await runner.RunAsync(scenario, options, interrupt).ConfigureAwait(false);
            Print(outcome, output);
            codes.Add(outcome.Results.ExitCode);
        }
        return interrupt.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Combine(codes);
    }

    private static void Print(RunOutcome outcome, ConsoleOutput output)
    {
        var r = outcome.Results;
        output.Line($"{r.Scenario.Name}: {r.Status.ToString().ToUpperInvariant()} (exit {r.ExitCode.ToString(CultureInfo.InvariantCulture)}, seed {r.Scenario.Seed.ToString(CultureInfo.InvariantCulture)})");
        foreach (var error in r.Errors) output.Line($"  error: {error}");
        foreach (var t in r.Thresholds)
        {
            output.Line($"  {(t.Passed ? "pass" : "FAIL")}  {t.Probe}: {t.Expression}  (observed {JUnitWriter.Format(t.Observed)})");
        }
        output.Line($"  report: {Path.Combine(outcome.ReportDirectory, ReportWriter.HtmlFile)}");
        if (r.Status == RunStatus.Error) output.Line("  the target or the impairment infrastructure was unusable (exit 3)");
    }
}
