using Harness.Reports.Html;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>Writes every output of a run into its report directory, results.json first (the source of truth).</summary>
public static class ReportWriter
{
    public const string ResultsFile = "results.json";
    public const string JUnitFile = "junit.xml";
    public const string HtmlFile = "index.html";

    /// <param name="redactor">Masks secrets in every file written; values from the environment never reach a report.</param>
    public static async Task WriteAllAsync(RunResults results, string directory, Scenarios.Loading.Redactor redactor, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var json = System.Text.Json.JsonSerializer.Serialize(results, ResultsJson.Options);
        await WriteAtomicAsync(Path.Combine(directory, ResultsFile), redactor.Apply(json), cancellationToken).ConfigureAwait(false);
        var junit = JUnitWriter.Render(results);
        await WriteAtomicAsync(Path.Combine(directory, JUnitFile), redactor.Apply(junit.Declaration + Environment.NewLine + junit.Root), cancellationToken).ConfigureAwait(false);
        await WriteAtomicAsync(Path.Combine(directory, HtmlFile), redactor.Apply(HtmlReport.Render(results)), cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAtomicAsync(string path, string content, CancellationToken cancellationToken)
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
