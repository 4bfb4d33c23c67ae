using System.Globalization;
using Harness.Orchestration;
using Harness.Reports;
using Harness.Reports.Model;

namespace Harness.Cli;

/// <summary><c>harness run PATH...</c>: validates every file first, then runs them one after another.</summary>
internal static class RunCommand
{
    public static async Task<int> ExecuteAsync(
        IReadOnlyList<string> paths, RunOptions options, IReadOnlyDictionary<string, string> environment, ConsoleOutput output, CancellationToken interrupt, string? filter = null)
    {
        var loaded = ValidateCommand.Load(paths, environment, output);
        if (loaded is null)
        {
            output.Line("nothing was run: fix the problems above first");
            return ExitCodes.InvalidInput;
        }
        var codes = new List<int>();
        var runner = new ScenarioRunner(TimeProvider.System, output.Progress);
        var cells = loaded.SelectMany(l => l.Cells).Where(c => filter is null || Matches(c.DisplayName, filter)).ToList();
        if (cells.Count == 0)
        {
            output.Line($"no scenario or matrix cell matches --filter '{filter}'");
            return ExitCodes.InvalidInput;
        }
        foreach (var scenario in cells)
        {
            if (interrupt.IsCancellationRequested) break;
            output.Redact(scenario.Secrets);
            var outcome = await runner.RunAsync(scenario, options, interrupt).ConfigureAwait(false);
            Print(outcome, output);
            codes.Add(outcome.Results.ExitCode);
        }
        return interrupt.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Combine(codes);
    }

    /// <summary>A filter is a substring of the cell's display name, or a glob with '*'.</summary>
    public static bool Matches(string name, string filter) => filter.Contains('*', StringComparison.Ordinal)
        ? System.Text.RegularExpressions.Regex.IsMatch(name, "^" + string.Join(".*", filter.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$")
        : name.Contains(filter, StringComparison.Ordinal);

    private static void Print(RunOutcome outcome, ConsoleOutput output)
    {
        var r = outcome.Results;
        output.Line($"{r.Scenario.Name}{(r.Scenario.Cell is null ? "" : $"[{r.Scenario.Cell}]")}: {r.Status.ToString().ToUpperInvariant()} (exit {r.ExitCode.ToString(CultureInfo.InvariantCulture)}, seed {r.Scenario.Seed.ToString(CultureInfo.InvariantCulture)})");
        foreach (var error in r.Errors) output.Line($"  error: {error}");
        foreach (var t in r.Thresholds)
        {
            output.Line($"  {(t.Passed ? "pass" : "FAIL")}  {t.Probe}: {t.Expression}  (observed {JUnitWriter.Format(t.Observed)})");
        }
        output.Line($"  report: {Path.Combine(outcome.ReportDirectory, ReportWriter.HtmlFile)}");
        if (r.Status == RunStatus.Error) output.Line("  the target or the impairment infrastructure was unusable (exit 3)");
    }
}
