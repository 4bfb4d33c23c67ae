using Harness.History;
using Harness.Reports.Html;
using Harness.Reports.Markdown;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>
/// Writes every output of a run into its report directory, results.json first (the source of truth); appends the run
/// to reports/history.db, then renders index.html, junit.xml and summary.md from the results.
/// </summary>
public static class ReportWriter
{
    public const string ResultsFile = "results.json";
    public const string JUnitFile = "junit.xml";
    public const string HtmlFile = "index.html";
    public const string SummaryFile = "summary.md";

    /// <param name="redactor">Masks secrets in every file written; values from the environment never reach a report.</param>
    /// <param name="log">Where a history problem is reported (it never fails the run); stderr when not given.</param>
    /// <param name="historyPath">The history database to append to; default: history.db beside the report directory (a matrix cell's is beside the matrix folder).</param>
    public static async Task WriteAllAsync(
        RunResults results, string directory, Scenarios.Loading.Redactor redactor, CancellationToken cancellationToken, Action<string>? log = null, string? historyPath = null)
    {
        log ??= static message => Console.Error.WriteLine($"harness: {message}");
        Directory.CreateDirectory(directory);
        var json = System.Text.Json.JsonSerializer.Serialize(results, ResultsJson.Options);
        await WriteAtomicAsync(Path.Combine(directory, ResultsFile), redactor.Apply(json), cancellationToken).ConfigureAwait(false);
        var history = HistoryRecorder.Record(results, historyPath ?? HistoryRecorder.PathFor(directory), redactor.Apply, log);
        await RenderAsync(results, history, directory, redactor.Apply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>harness report</c>: regenerates every output but results.json from a results.json (already redacted) into
    /// <paramref name="directory"/>; trends come from <paramref name="historyPath"/> when it exists, never written.
    /// </summary>
    internal static async Task RegenerateAsync(RunResults results, string directory, string? historyPath, Action<string> log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var history = historyPath is not null && File.Exists(historyPath) ? HistoryRecorder.Read(results, historyPath, log) : [];
        await RenderAsync(results, history, directory, static s => s, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RenderAsync(RunResults results, IReadOnlyList<ThresholdTrend> history, string directory, Func<string, string> redact, CancellationToken cancellationToken)
    {
        var junit = JUnitWriter.Render(results);
        await WriteAtomicAsync(Path.Combine(directory, JUnitFile), redact(junit.Declaration + Environment.NewLine + junit.Root), cancellationToken).ConfigureAwait(false);
        await WriteAtomicAsync(Path.Combine(directory, SummaryFile), redact(SummaryMarkdown.Render(results)), cancellationToken).ConfigureAwait(false);
        await WriteAtomicAsync(Path.Combine(directory, HtmlFile), redact(HtmlReport.Render(results, history, directory)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes beside and renames, so a reader never sees half a file.</summary>
    internal static async Task WriteAtomicAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, content, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A fresh directory <c>root/yyyyMMdd-HHmmss-name</c> (UTC); never reuses an existing one.</summary>
    public static string CreateRunDirectory(string root, DateTimeOffset startedAt, string scenario)
    {
        var stamp = startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(root, $"{stamp}-{scenario}");
        for (var i = 2; Directory.Exists(path); i++) path = Path.Combine(root, $"{stamp}-{scenario}-{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(path);
        return path;
    }
}
