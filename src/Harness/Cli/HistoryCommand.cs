using System.CommandLine;
using System.Globalization;
using Harness.History;
using Harness.Orchestration;
using Harness.Reports;

namespace Harness.Cli;

/// <summary>
/// <c>harness history [SCENARIO] [--last N] [--report-dir DIR] [--db PATH]</c>:
/// per scenario and matrix cell, each threshold's observed values (with units) over the
/// last runs (oldest first, failures marked with !) and whether it is flaky. Exit 0, or 2 when there is no history.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(ConsoleOutput output)
    {
        var scenario = new Argument<string?>("scenario")
        {
            Description = "Only this scenario (default: every scenario)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var last = new Option<int>("--last") { Description = "How many runs", DefaultValueFactory = _ => HistoryStore.DefaultLast };
        var reportDir = new Option<string>("--report-dir")
        {
            Description = "The reports folder whose history.db to read (run's --report-dir)",
            DefaultValueFactory = _ => "reports",
        };
        var db = new Option<string?>("--db") { Description = "The history database (default: REPORT_DIR/history.db)" };
        var command = new Command("history", "Threshold trends over the last runs (from reports/history.db)")
        {
            scenario,
            last,
            reportDir,
            db,
        };
        command.SetAction(parse =>
            Execute(
                parse.GetValue(scenario),
                parse.GetValue(last),
                parse.GetValue(db) ?? Path.Combine(parse.GetValue(reportDir)!, HistoryStore.FileName),
                output
            )
        );
        return command;
    }

    public static int Execute(string? scenario, int last, string database, ConsoleOutput output)
    {
        if (last < 1)
        {
            output.Error("--last must be at least 1");
            return ExitCodes.InvalidInput;
        }
        if (!File.Exists(database))
        {
            output.Error($"{database}: no history yet (every 'harness run' appends to history.db in its --report-dir, default reports)");
            return ExitCodes.InvalidInput;
        }
        var store = new HistoryStore(database);
        IReadOnlyList<string> scenarios;
        try
        {
            scenarios = store.Scenarios();
            if (scenario is not null && !scenarios.Contains(scenario, StringComparer.Ordinal))
            {
                output.Error(
                    $"no runs of '{scenario}' in {database}; recorded: {(scenarios.Count == 0 ? "none" : string.Join(", ", scenarios))}"
                );
                return ExitCodes.InvalidInput;
            }
            foreach (var name in scenario is null ? scenarios : [scenario])
                Print(store, name, last, output);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            output.Error($"{database}: cannot be read ({e.Message})");
            return ExitCodes.InvalidInput;
        }
        return ExitCodes.Passed;
    }

    /// <summary>One block per matrix cell (one block for a scenario without a matrix): its runs, then each threshold's values.</summary>
    private static void Print(HistoryStore store, string scenario, int last, ConsoleOutput output)
    {
        foreach (var cell in store.Cells(scenario))
        {
            var runs = store.Runs(scenario, last, cell: cell);
            output.Line($"{scenario}{(cell.Length == 0 ? "" : $" [{cell}]")}: last {runs.Count} run(s), oldest first");
            foreach (var run in runs)
            {
                var seed = run.Seed.ToString(CultureInfo.InvariantCulture);
                output.Line($"  {run.RunId}  {ReportFormat.Utc(run.StartedAt)}  {run.Status}  seed {seed}");
            }
            var trends = store.Trends(scenario, last, cell: cell);
            var width = trends.Select(t => t.Probe.Length + t.Expression.Length + 2).DefaultIfEmpty(0).Max();
            foreach (var trend in trends)
            {
                var values = string.Join(
                    " · ",
                    trend.Points.Select(p =>
                        (p.Observed is { } v ? ReportFormat.Measured(v, trend.Metric, trend.Aggregation) : "-") + (p.Passed ? "" : "!")
                    )
                );
                var state =
                    trend.Flaky ? $"  FLAKY ({trend.Flips} flips)"
                    : trend.Points[^1].Passed ? ""
                    : "  failing";
                output.Line($"  {(trend.Probe + ": " + trend.Expression).PadRight(width)}  {values}{state}");
            }
            output.Line("");
        }
    }
}
