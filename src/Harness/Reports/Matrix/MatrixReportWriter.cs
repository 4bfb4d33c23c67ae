using Harness.History;
using Harness.Reports.Model;

namespace Harness.Reports.Matrix;

/// <summary>
/// Writes a matrix folder's overview: matrix.json first (the source of truth), then index.html, junit.xml and
/// summary.md rendered from it (junit.xml also from each cell's results). Every file is written atomically.
/// </summary>
public static class MatrixReportWriter
{
    /// <param name="cells">The results of the cells that ran, by cell name, already redacted (<see cref="MatrixRecorder"/> does it once per
    /// cell).</param>
    /// <param name="redact">Masks a secret in a value: the overview is redacted before it is encoded.</param>
    public static async Task WriteAllAsync(
        MatrixResults matrix,
        IReadOnlyDictionary<string, RunResults> cells,
        string directory,
        Func<string, string> redact,
        CancellationToken cancellationToken
    )
    {
        Directory.CreateDirectory(directory);
        matrix = Secrets.ModelRedaction.Apply(matrix, redact, ResultsJson.Options);
        await ReportWriter
            .WriteAtomicAsync(Path.Combine(directory, MatrixJson.FileName), MatrixJson.Serialize(matrix), cancellationToken)
            .ConfigureAwait(false);
        await RenderAsync(matrix, cells, directory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>harness report</c> on a matrix: reads matrix.json and every cell's results.json from <paramref name="source"/>,
    /// regenerates each cell's reports into <c>target/cells/&lt;slug&gt;/</c> and the overview into <paramref name="target"/>.
    /// Trends come from <paramref name="historyPath"/> when it exists (never written).
    /// </summary>
    /// <exception cref="ResultsUnreadableException">matrix.json or a cell's results.json cannot be used; nothing is written.</exception>
    internal static async Task<MatrixResults> RegenerateAsync(
        string source,
        string target,
        string? historyPath,
        Action<string> log,
        CancellationToken cancellationToken
    )
    {
        var matrix = MatrixJson.Load(source);
        var folder = Directory.Exists(source) ? source : Path.GetDirectoryName(Path.GetFullPath(source))!;
        var cells = new Dictionary<string, RunResults>(StringComparer.Ordinal);
        foreach (var cell in matrix.Cells.Where(c => c.Results is not null))
            cells[cell.Name] = ResultsJson.Load(Path.Combine(folder, cell.Results!));
        foreach (var cell in matrix.Cells.Where(c => cells.ContainsKey(c.Name)))
        {
            await ReportWriter
                .RegenerateAsync(cells[cell.Name], Path.Combine(target, cell.Directory), historyPath, log, cancellationToken)
                .ConfigureAwait(false);
        }
        Directory.CreateDirectory(target);
        await RenderAsync(matrix, cells, target, cancellationToken).ConfigureAwait(false);
        return matrix;
    }

    /// <summary>The history a matrix's cells append to: history.db beside the matrix folder, where single runs keep theirs.</summary>
    public static string HistoryPathFor(string matrixDirectory) => HistoryRecorder.PathFor(matrixDirectory);

    private static async Task RenderAsync(
        MatrixResults matrix,
        IReadOnlyDictionary<string, RunResults> cells,
        string directory,
        CancellationToken cancellationToken
    )
    {
        var junit = MatrixJUnit.Render(matrix, cells);
        await ReportWriter
            .WriteAtomicAsync(
                Path.Combine(directory, ReportWriter.JUnitFile),
                junit.Declaration + Environment.NewLine + junit.Root,
                cancellationToken
            )
            .ConfigureAwait(false);
        await ReportWriter
            .WriteAtomicAsync(Path.Combine(directory, ReportWriter.SummaryFile), MatrixMarkdown.Render(matrix), cancellationToken)
            .ConfigureAwait(false);
        await ReportWriter
            .WriteAtomicAsync(Path.Combine(directory, ReportWriter.HtmlFile), MatrixHtml.Render(matrix), cancellationToken)
            .ConfigureAwait(false);
    }
}
