using Harness.Reports.Model;

namespace Harness.Reports.Matrix;

/// <summary>
/// Keeps a matrix folder's overview current while its cells run: after every cell the overview is rewritten, the
/// cells still to come shown as not run, so an interrupted or killed matrix leaves an overview of what ran.
/// </summary>
public sealed class MatrixRecorder(
    MatrixRun run,
    IReadOnlyList<MatrixCellPlan> cells,
    string directory,
    Func<string, string> redact,
    TimeProvider time
)
{
    private readonly Dictionary<string, RunResults> _results = new(StringComparer.Ordinal);

    public string Directory { get; } = directory;

    public IReadOnlyList<MatrixCellPlan> Cells { get; } = cells;

    /// <summary>The cell's own report folder (absolute).</summary>
    public string CellDirectory(MatrixCellPlan cell) => Path.Combine(Directory, cell.Directory.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The run id a cell records: the matrix's id plus the cell's folder name, unique across runs like any run's.</summary>
    public string CellRunId(MatrixCellPlan cell) => $"{run.MatrixId}-{Path.GetFileName(cell.Directory)}";

    public async Task<MatrixResults> RecordAsync(MatrixCellPlan cell, RunResults results, CancellationToken cancellationToken)
    {
        // Redacted once here, so every rewrite of the overview only encodes masked values.
        _results[cell.Name] = Secrets.ModelRedaction.Apply(results, redact, ResultsJson.Options);
        return await WriteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The final overview: every cell without results is marked not run.</summary>
    public Task<MatrixResults> FinishAsync(CancellationToken cancellationToken) => WriteAsync(cancellationToken);

    private async Task<MatrixResults> WriteAsync(CancellationToken cancellationToken)
    {
        var matrix = MatrixBuilder.Build(run, Cells, _results, time.GetUtcNow());
        await MatrixReportWriter.WriteAllAsync(matrix, _results, Directory, redact, cancellationToken).ConfigureAwait(false);
        return matrix;
    }
}
