namespace Harness.Reports.Matrix;

/// <summary>What the overview knows of a matrix before it runs: who ran it, how, and which cells were chosen.</summary>
public sealed record MatrixRun(
    string MatrixId,
    string Scenario,
    string? Description,
    string Source,
    string Command,
    string? Filter,
    DateTimeOffset StartedAt
);

/// <summary>A cell to run: its values in axis order and its folder, relative to the matrix folder ('/'-separated).</summary>
public sealed record MatrixCellPlan(string Name, IReadOnlyList<KeyValuePair<string, string>> Values, string Directory)
{
    public const string CellsFolder = "cells";

    /// <summary>
    /// <c>cells/&lt;slug&gt;</c> for each cell: unique even when two names share a slug, and short enough for any file
    /// system (a long slug is cut and numbered).
    /// </summary>
    public static IReadOnlyList<MatrixCellPlan> For(
        IEnumerable<(string Name, IReadOnlyList<KeyValuePair<string, string>> Values, string Slug)> cells
    )
    {
        const int MaxSlug = 96;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var plans = new List<MatrixCellPlan>();
        foreach (var (name, values, slug) in cells)
        {
            var basis =
                slug.Length == 0 ? "cell"
                : slug.Length > MaxSlug ? slug[..MaxSlug]
                : slug;
            var folder = basis;
            for (var i = 2; !used.Add(folder); i++)
                folder = $"{basis}-{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            plans.Add(new MatrixCellPlan(name, values, $"{CellsFolder}/{folder}"));
        }
        return plans;
    }
}
