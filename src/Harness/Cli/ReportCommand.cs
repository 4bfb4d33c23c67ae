using System.CommandLine;
using Harness.History;
using Harness.Orchestration;
using Harness.Reports;
using Harness.Reports.Matrix;

namespace Harness.Cli;

/// <summary>
/// <c>harness report PATH [--out DIR] [--history DB]</c>: regenerates index.html, junit.xml and summary.md from a results.json,
/// or a matrix's overview and every cell's reports from its matrix.json. Exit 0, or 2 when it cannot be read.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(ConsoleOutput output)
    {
        var path = new Argument<string>("results") { Description = "A results.json or matrix.json, or the report directory holding it" };
        var outDir = new Option<string?>("--out") { Description = "Write the outputs here instead of beside results.json" };
        var history = new Option<string?>("--history")
        {
            Description = "History database for the threshold trends (default: history.db in the report's parent folder, if present)",
        };
        var command = new Command("report", "Regenerate every report of a run from its results.json") { path, outDir, history };
        command.SetAction(
            (parse, cancellation) =>
                ExecuteAsync(parse.GetValue(path)!, parse.GetValue(outDir), parse.GetValue(history), output, cancellation)
        );
        return command;
    }

    public static async Task<int> ExecuteAsync(
        string path,
        string? outDir,
        string? historyPath,
        ConsoleOutput output,
        CancellationToken cancellation
    )
    {
        if (MatrixJson.IsMatrix(path))
            return await ExecuteMatrixAsync(path, outDir, historyPath, output, cancellation).ConfigureAwait(false);
        Reports.Model.RunResults results;
        try
        {
            results = ResultsJson.Load(path);
        }
        catch (ResultsUnreadableException e)
        {
            output.Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        var source = Path.GetDirectoryName(Path.GetFullPath(Directory.Exists(path) ? Path.Combine(path, ReportWriter.ResultsFile) : path))!;
        var target = Path.GetFullPath(outDir ?? source);
        await ReportWriter
            .RegenerateAsync(results, target, historyPath ?? HistoryRecorder.PathFor(source), output.Error, cancellation)
            .ConfigureAwait(false);
        output.Line(
            $"{results.Scenario.Name}: {ReportFormat.Verdict(results.Status)}; wrote {ReportWriter.HtmlFile}, {ReportWriter.JUnitFile}, {ReportWriter.SummaryFile} to {target}"
        );
        return ExitCodes.Passed;
    }

    /// <summary>
    /// A matrix folder (or its matrix.json): every cell's reports under <c>cells/</c>, then the overview from matrix.json.
    /// </summary>
    private static async Task<int> ExecuteMatrixAsync(
        string path,
        string? outDir,
        string? historyPath,
        ConsoleOutput output,
        CancellationToken cancellation
    )
    {
        var source = Path.GetFullPath(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!);
        var target = Path.GetFullPath(outDir ?? source);
        try
        {
            var matrix = await MatrixReportWriter
                .RegenerateAsync(source, target, historyPath ?? MatrixReportWriter.HistoryPathFor(source), output.Error, cancellation)
                .ConfigureAwait(false);
            output.Line(
                $"{matrix.Scenario} matrix: {ReportFormat.Verdict(matrix.Status)} ({MatrixFormat.Counts(matrix)}); wrote {ReportWriter.HtmlFile}, {ReportWriter.JUnitFile}, "
                    + $"{ReportWriter.SummaryFile} to {target} and each cell's reports under {Path.Combine(target, MatrixCellPlan.CellsFolder)}"
            );
            return ExitCodes.Passed;
        }
        catch (ResultsUnreadableException e)
        {
            output.Error(e.Message);
            return ExitCodes.InvalidInput;
        }
    }
}
