using Harness.Reports.Model;

namespace Harness.Reports.Matrix;

/// <summary>
/// matrix.json: the overview of one scenario file's matrix, the source of truth its index.html, junit.xml and
/// summary.md are rendered from (with each cell's results.json for the JUnit cases). Versioned by
/// <see cref="SchemaVersion"/>; fields are only ever added.
/// </summary>
public sealed record MatrixResults(
    int SchemaVersion,
    string MatrixId,
    RunStatus Status,
    int ExitCode,
    string Scenario,
    string? Description,
    string Source,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Command,
    string? Filter,
    IReadOnlyList<MatrixAxis> Axes,
    IReadOnlyList<MatrixCellResult> Cells
)
{
    public const int CurrentSchemaVersion = 1;

    public double DurationMs => (FinishedAt - StartedAt).TotalMilliseconds;

    /// <summary>
    /// The name a cell goes by in suites and titles: <c>scenario[axis=value,...]</c>, as the console and --filter show it.
    /// </summary>
    public string DisplayName(MatrixCellResult cell) => $"{Scenario}[{cell.Name}]";
}

/// <summary>An axis with its values in the order the cells first use them (only cells of this run count).</summary>
public sealed record MatrixAxis(string Name, IReadOnlyList<string> Values);

/// <summary>How a cell ended; <see cref="NotRun"/> when the matrix was interrupted before the cell started.</summary>
public enum MatrixCellStatus
{
    Passed,
    Failed,
    Error,
    Interrupted,
    NotRun,

    /// <summary>Thresholds failed while the harness was saturated (exit 4).</summary>
    Inconclusive,
}

/// <summary>
/// One cell: its values, outcome and thresholds, and where its own report is (paths relative to the matrix folder,
/// '/'-separated; null when it did not run).
/// </summary>
public sealed record MatrixCellResult(
    string Name,
    IReadOnlyDictionary<string, string> Values,
    MatrixCellStatus Status,
    int? ExitCode,
    string? RunId,
    int? Seed,
    double? DurationMs,
    string Directory,
    string? Results,
    string? Report,
    IReadOnlyList<MatrixThreshold> Thresholds,
    IReadOnlyList<string> Errors
)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Ran => Status != MatrixCellStatus.NotRun;

    /// <summary>
    /// Why the cell's exchanges failed: each probe's top reasons, one line per metric
    /// (<c>api: 10 http_req_failed: refused (10) - ...</c>).
    /// </summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
}

/// <summary>A threshold outcome of a cell, enough to show it in the grid; the cell's results.json has the rest.</summary>
public sealed record MatrixThreshold(
    string Probe,
    string Expression,
    string Operator,
    double Limit,
    double? Observed,
    bool Passed,
    string Detail
)
{
    /// <summary>The threshold's metric and aggregation, which give its values their unit; empty in an older matrix.json.</summary>
    public string Metric { get; init; } = "";

    public string Aggregation { get; init; } = "";
}
