namespace Harness.Reports.Compare;

/// <summary>Writes a comparison's three outputs (compare.html, compare.md, compare.json) into one folder, each atomically.</summary>
internal static class CompareWriter
{
    public const string MarkdownFile = "compare.md";

    /// <param name="redact">Masks secrets of the runs' scenarios; the results read back are already masked, the variables shown may not
    /// be.</param>
    public static async Task WriteAsync(
        string directory,
        RunComparison comparison,
        Func<string, string> redact,
        CancellationToken cancellationToken
    )
    {
        Directory.CreateDirectory(directory);
        await ReportWriter
            .WriteAtomicAsync(Path.Combine(directory, CompareHtml.FileName), redact(CompareHtml.Render(comparison)), cancellationToken)
            .ConfigureAwait(false);
        await ReportWriter
            .WriteAtomicAsync(Path.Combine(directory, MarkdownFile), redact(CompareMarkdown.Render(comparison)), cancellationToken)
            .ConfigureAwait(false);
        await ReportWriter
            .WriteAtomicAsync(Path.Combine(directory, CompareJson.FileName), redact(CompareJson.Render(comparison)), cancellationToken)
            .ConfigureAwait(false);
    }
}
