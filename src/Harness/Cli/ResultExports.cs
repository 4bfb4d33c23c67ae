using Harness.Exporting;
using Harness.History;
using Harness.Orchestration;
using Harness.Reports;

namespace Harness.Cli;

/// <summary>The run command's hook into <see cref="RunExports"/>: after each run (or matrix cell) has printed its result lines.</summary>
internal static class ResultExports
{
    public static async Task AfterRunAsync(RunOutcome outcome, RunOptions options, ConsoleOutput output)
    {
        if (!options.Exports.Any)
            return;
        using var exports = new RunExports(options.Exports, warning => output.Line($"  {warning}"));
        var report = Path.Combine(outcome.ReportDirectory, ReportWriter.HtmlFile);
        var history = options.Placement?.HistoryPath ?? HistoryRecorder.PathFor(outcome.ReportDirectory);
        await exports.AfterRunAsync(outcome.Results, File.Exists(report) ? report : outcome.ReportDirectory, history).ConfigureAwait(false);
    }
}
