using System.Globalization;
using Harness.Orchestration;
using Harness.Reports;
using Harness.Reports.Matrix;
using Harness.Reports.Model;

namespace Harness.Cli;

/// <summary><c>harness run PATH...</c>: validates every file first, then runs them one after another.</summary>
internal static class RunCommand
{
    public static async Task<int> ExecuteAsync(
        IReadOnlyList<string> paths,
        RunOptions options,
        IReadOnlyDictionary<string, string> environment,
        ConsoleOutput output,
        CancellationToken interrupt,
        string? filter = null,
        IReadOnlyDictionary<string, string>? variables = null,
        IReadOnlyCollection<string>? tags = null,
        Sharding.ShardSpec? shard = null
    )
    {
        var loaded = ValidateCommand.Load(paths, environment, output, variables);
        if (loaded is null || !ToxiproxyOverride.Allowed(options.Toxiproxy, loaded.SelectMany(l => l.Cells), output))
        {
            output.Line("nothing was run: fix the problems above first");
            return ExitCodes.InvalidInput;
        }
        if (tags is { Count: > 0 } && loaded.All(l => !TagSelection.Selects(tags, l.Cells[0].Tags)))
        {
            output.Line(TagSelection.NoneMessage(tags, loaded.SelectMany(l => l.Cells[0].Tags)));
            return ExitCodes.InvalidInput;
        }
        loaded = loaded.Where(l => TagSelection.Selects(tags, l.Cells[0].Tags)).ToList();
        var codes = new List<int>();
        var runner = new ScenarioRunner(TimeProvider.System, output.Progress);
        // Per file, in file order: a file without a matrix is one run; a matrix's cells share one matrix folder.
        var files = loaded
            .Select(l => l.Cells.Where(c => filter is null || Matches(c.DisplayName, filter)).ToList())
            .Where(c => c.Count > 0)
            .ToList();
        if (files.Count == 0)
        {
            output.Line($"no scenario or matrix cell matches --filter '{filter}'");
            return ExitCodes.InvalidInput;
        }
        var sharded = shard is null
            ? null
            : Sharding.ShardRun.Start(
                shard,
                files,
                Environment.CurrentDirectory,
                options.ReportRoot,
                options.Command,
                TimeProvider.System.GetUtcNow()
            );
        if (sharded is not null)
        {
            files = sharded.Files.Select(f => f.ToList()).ToList();
            options = options with { Command = ShardCommand.WithoutShard(options.Command) };
            output.Line(sharded.Describe());
        }
        foreach (var cells in files)
        {
            if (interrupt.IsCancellationRequested)
                break;
            if (cells[0].Cell is null)
            {
                output.Redact(cells[0].Secrets);
                var outcome = await Live.RunWatch.RunAsync(runner, cells[0], options, output, interrupt).ConfigureAwait(false);
                Print(outcome, output);
                await ResultExports.AfterRunAsync(outcome, options, output).ConfigureAwait(false);
                codes.Add(outcome.Results.ExitCode);
                sharded?.Ran(cells[0], outcome.ReportDirectory, outcome.Results.ExitCode);
                continue;
            }
            codes.Add(await RunMatrixAsync(cells, runner, options, output, interrupt, filter, sharded).ConfigureAwait(false));
        }
        var code = interrupt.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Combine(codes);
        if (sharded is not null)
            await ShardCommand.FinishAsync(sharded, code, options.ReportRoot, output).ConfigureAwait(false);
        return code;
    }

    /// <summary>
    /// Runs a matrix's cells, each into <c>reports/&lt;stamp&gt;-&lt;name&gt;/cells/&lt;slug&gt;/</c>, keeping the overview
    /// (matrix.json, index.html, junit.xml, summary.md) at the top of that folder current after every cell.
    /// </summary>
    private static async Task<int> RunMatrixAsync(
        IReadOnlyList<Scenarios.Model.Scenario> cells,
        ScenarioRunner runner,
        RunOptions options,
        ConsoleOutput output,
        CancellationToken interrupt,
        string? filter,
        Sharding.ShardRun? sharded = null
    )
    {
        var first = cells[0];
        var startedAt = TimeProvider.System.GetUtcNow();
        var directory = ReportWriter.CreateRunDirectory(options.ReportRoot, startedAt, first.Name);
        var plans = MatrixCellPlan.For(cells.Select(c => (c.Cell!.Name, c.Cell.Values, c.Cell.Slug)));
        var redactor = new Scenarios.Loading.Redactor(cells.SelectMany(c => c.Secrets).Distinct(StringComparer.Ordinal));
        var recorder = new MatrixRecorder(
            new MatrixRun(Path.GetFileName(directory), first.Name, first.Description, first.SourcePath, options.Command, filter, startedAt),
            plans,
            directory,
            redactor.Apply,
            TimeProvider.System
        );
        output.Progress($"matrix {first.Name}: {cells.Count.ToString(CultureInfo.InvariantCulture)} cells, overview in {directory}");
        for (var i = 0; i < cells.Count && !interrupt.IsCancellationRequested; i++)
        {
            output.Redact(cells[i].Secrets);
            var placement = new ReportPlacement(
                recorder.CellDirectory(plans[i]),
                recorder.CellRunId(plans[i]),
                MatrixReportWriter.HistoryPathFor(directory)
            );
            // A cell's report repeats that cell alone: the matrix's command narrowed to it (unless a --filter already narrows it).
            var command = filter is null
                ? $"{options.Command} --filter '{cells[i].DisplayName.Replace("'", "'\\''", StringComparison.Ordinal)}'"
                : options.Command;
            var outcome = await Live
                .RunWatch.RunAsync(runner, cells[i], options with { Placement = placement, Command = command }, output, interrupt)
                .ConfigureAwait(false);
            Print(outcome, output);
            await ResultExports.AfterRunAsync(outcome, options with { Placement = placement }, output).ConfigureAwait(false);
            await recorder.RecordAsync(plans[i], outcome.Results, CancellationToken.None).ConfigureAwait(false);
            sharded?.Ran(cells[i], placement.Directory, outcome.Results.ExitCode, directory);
        }
        var matrix = await recorder.FinishAsync(CancellationToken.None).ConfigureAwait(false);
        output.Line(
            $"{matrix.Scenario} matrix: {ReportFormat.Verdict(matrix.Status)} (exit {matrix.ExitCode.ToString(CultureInfo.InvariantCulture)}; {MatrixFormat.Counts(matrix)})"
        );
        output.Line($"  matrix overview: {Path.Combine(directory, ReportWriter.HtmlFile)}");
        return matrix.ExitCode;
    }

    /// <summary>A filter is a substring of the cell's display name, or a glob with '*'.</summary>
    public static bool Matches(string name, string filter) =>
        filter.Contains('*', StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.IsMatch(
                name,
                "^" + string.Join(".*", filter.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$"
            )
            : name.Contains(filter, StringComparison.Ordinal);

    internal static void Print(RunOutcome outcome, ConsoleOutput output)
    {
        var r = outcome.Results;
        output.Line(
            $"{r.Scenario.Name}{(r.Scenario.Cell is null ? "" : $"[{r.Scenario.Cell}]")}: {r.Status.ToString().ToUpperInvariant()} (exit {r.ExitCode.ToString(CultureInfo.InvariantCulture)}, seed {r.Scenario.Seed.ToString(CultureInfo.InvariantCulture)})"
        );
        foreach (var error in r.Errors)
            output.Line($"  error: {error}");
        foreach (var (probe, line) in ErrorLines.For(r))
            output.Line($"  errors {probe}: {line}");
        foreach (var t in r.Thresholds)
        {
            output.Line($"  {(t.Passed ? "pass" : "FAIL")}  {t.Probe}: {t.Expression}  ({ReportFormat.Outcome(t)})");
        }
        var report = Path.Combine(outcome.ReportDirectory, ReportWriter.HtmlFile);
        output.Line(
            File.Exists(report) ? $"  report: {report}" : $"  report: not written (see the errors above); folder {outcome.ReportDirectory}"
        );
        if (r.Status == RunStatus.Error)
            output.Line("  the target or the impairment infrastructure was unusable (exit 3)");
        if (HealthFigures.Headline(r) is { } health)
            output.Line($"  measurement health: {health}");
        if (r.SecretsMayRemainIn.Count > 0)
        {
            output.Line(
                $"  warning: these artifacts could not be searched for secrets and may hold them: {string.Join(", ", r.SecretsMayRemainIn)}"
            );
        }
    }
}
