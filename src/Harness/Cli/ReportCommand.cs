using System.CommandLine;
using Harness.History;
using Harness.Orchestration;
using Harness.Reports;

namespace Harness.Cli;

/// <summary><c>harness report PATH [--out DIR] [--history DB]</c>: regenerates index.html, junit.xml and summary.md from a results.json. Exit 0, or 2 when it cannot be read.</summary>
internal static class ReportCommand
{
    public static Command Create(ConsoleOutput output)
    {
        var path = new Argument<string>("results") { Description = "A results.json, or the report directory holding it" };
        var outDir = new Option<string?>("--out") { Description = "Write the outputs here instead of beside results.json" };
        var history = new Option<string?>("--history") { Description = "History database for the threshold trends (default: history.db in the report's parent folder, if present)" };
        var command = new Command("report", "Regenerate every report of a run from its results.json") { path, outDir, history };
        command.SetAction((parse, cancellation) => ExecuteAsync(parse.GetValue(path)!, parse.GetValue(outDir), parse.GetValue(history), output, cancellation));
        return command;
    }

    public static async Task<int> ExecuteAsync(string path, string? outDir, string? historyPath, ConsoleOutput output, CancellationToken cancellation)
    {
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
        await ReportWriter.RegenerateAsync(results, target, historyPath ?? HistoryRecorder.PathFor(source), output.Error, cancellation).ConfigureAwait(false);
        output.Line($"{results.Scenario.Name}: {ReportFormat.Verdict(results.Status)}; wrote {ReportWriter.HtmlFile}, {ReportWriter.JUnitFile}, {ReportWriter.SummaryFile} to {target}");
        return ExitCodes.Passed;
    }
}
