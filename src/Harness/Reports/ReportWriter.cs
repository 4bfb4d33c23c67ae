using Harness.History;
using Harness.Reports.Html;
using Harness.Reports.Markdown;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>
/// Writes every output of a run into its report directory: results.json (the source of truth), junit.xml, summary.md
/// and index.html, each to a temporary name and renamed, all or none; then appends the run to reports/history.db.
/// When a report cannot be written, the run is an error (exit 3) and results.json says so and which file failed.
/// </summary>
public static class ReportWriter
{
    public const string ResultsFile = "results.json";
    public const string JUnitFile = "junit.xml";
    public const string HtmlFile = "index.html";
    public const string SummaryFile = "summary.md";

    /// <param name="redactor">Masks secrets in every file written; values from the environment never reach a report.</param>
    /// <param name="log">Where a history problem or a report that could not be written is reported; stderr when not given.</param>
    /// <param name="historyPath">
    /// The history database to append to; default: history.db beside the report directory (a matrix cell's is beside the matrix folder).
    /// </param>
    /// <returns>The results as written: with status error, exit 3 and the reason when a report could not be written.</returns>
    public static async Task<RunResults> WriteAllAsync(
        RunResults results,
        string directory,
        Scenarios.Loading.Redactor redactor,
        CancellationToken cancellationToken,
        Action<string>? log = null,
        string? historyPath = null
    )
    {
        log ??= static message => Console.Error.WriteLine($"harness: {message}");
        historyPath ??= HistoryRecorder.PathFor(directory);
        Directory.CreateDirectory(directory);
        // The one redaction stage: every writer below, and the caller, only ever see the masked model.
        results = Redacted(results, redactor);
        var history = HistoryRecorder.Preview(results, historyPath, redactor.Apply, log);
        var files = Render(results, history, directory);
        var failure = await ReportFiles.WriteAllOrNoneAsync(files, directory, cancellationToken).ConfigureAwait(false);
        if (failure is null)
        {
            HistoryRecorder.Append(results, historyPath, redactor.Apply, log);
            return results;
        }
        var honest = Redacted(ReportFiles.WithFailure(results, failure.Value.File, failure.Value.Reason), redactor);
        log(redactor.Apply($"report {failure.Value.File} could not be written in {directory}: {failure.Value.Reason}"));
        files = Render(honest, HistoryRecorder.Preview(honest, historyPath, redactor.Apply, log), directory);
        // results.json first: the verdict must survive when nothing else fits.
        if (!await ReportFiles.TryWriteAsync(directory, files[0], log, cancellationToken).ConfigureAwait(false))
        {
            var verdict = honest.Status.ToString().ToLowerInvariant();
            log($"{ResultsFile} could not be written either: this run's verdict ({verdict}) is only on this console");
            return honest;
        }
        foreach (var file in files.Skip(1))
            await ReportFiles.TryWriteAsync(directory, file, log, cancellationToken).ConfigureAwait(false);
        HistoryRecorder.Append(honest, historyPath, redactor.Apply, log);
        return honest;
    }

    /// <summary>
    /// The results with every secret masked in every string, in every form it may take (see <see cref="Scenarios.Loading.Redactor"/>).
    /// </summary>
    internal static RunResults Redacted(RunResults results, Scenarios.Loading.Redactor redactor) =>
        redactor.IsEmpty ? results : Secrets.ModelRedaction.Apply(results, redactor.Apply, ResultsJson.Options);

    /// <summary>Every file of a run, results.json first, rendered from results that are already redacted.</summary>
    internal static List<(string Name, string Content)> Render(RunResults results, IReadOnlyList<ThresholdTrend> history, string directory)
    {
        var junit = JUnitWriter.Render(results);
        return
        [
            (ResultsFile, System.Text.Json.JsonSerializer.Serialize(results, ResultsJson.Options)),
            (JUnitFile, junit.Declaration + Environment.NewLine + junit.Root),
            (SummaryFile, SummaryMarkdown.Render(results)),
            (HtmlFile, HtmlReport.Render(results, history, directory)),
        ];
    }

    /// <summary>
    /// <c>harness report</c>: regenerates every output but results.json from a results.json (already redacted) into
    /// <paramref name="directory"/>; trends come from <paramref name="historyPath"/> when it exists, never written.
    /// </summary>
    internal static async Task RegenerateAsync(
        RunResults results,
        string directory,
        string? historyPath,
        Action<string> log,
        CancellationToken cancellationToken
    )
    {
        Directory.CreateDirectory(directory);
        var history = historyPath is not null && File.Exists(historyPath) ? HistoryRecorder.Read(results, historyPath, log) : [];
        await RenderAsync(results, history, directory, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RenderAsync(
        RunResults results,
        IReadOnlyList<ThresholdTrend> history,
        string directory,
        CancellationToken cancellationToken
    )
    {
        var junit = JUnitWriter.Render(results);
        await WriteAtomicAsync(Path.Combine(directory, JUnitFile), junit.Declaration + Environment.NewLine + junit.Root, cancellationToken)
            .ConfigureAwait(false);
        await WriteAtomicAsync(Path.Combine(directory, SummaryFile), SummaryMarkdown.Render(results), cancellationToken)
            .ConfigureAwait(false);
        await WriteAtomicAsync(Path.Combine(directory, HtmlFile), HtmlReport.Render(results, history, directory), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Writes beside and renames, so a reader never sees half a file; the temporary file never outlives a failure.</summary>
    internal static async Task WriteAtomicAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = ReportFiles.TemporaryFor(path);
        try
        {
            await File.WriteAllTextAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            ReportFiles.Delete(temporary);
            throw;
        }
    }

    /// <summary>A fresh directory <c>root/yyyyMMdd-HHmmss-name</c> (UTC); never reuses an existing one.</summary>
    public static string CreateRunDirectory(string root, DateTimeOffset startedAt, string scenario)
    {
        var stamp = startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(root, $"{stamp}-{scenario}");
        for (var i = 2; Directory.Exists(path); i++)
            path = Path.Combine(root, $"{stamp}-{scenario}-{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(path);
        return path;
    }
}
