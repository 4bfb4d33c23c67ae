namespace Harness.Reports.Matrix;

/// <summary>
/// A two-axis matrix as rows (first axis) and columns (second axis); a position holds the cells with those values.
/// Cells without a value on an axis get a <see cref="MatrixFormat.Unset"/> row or column. Other axis counts are lists.
/// </summary>
internal sealed record MatrixGrid(MatrixAxis Rows, MatrixAxis Columns, IReadOnlyList<string?> RowKeys, IReadOnlyList<string?> ColumnKeys)
{
    public static MatrixGrid? For(MatrixResults m)
    {
        if (m.Axes.Count != 2)
            return null;
        var (rows, columns) = (m.Axes[0], m.Axes[1]);
        return new MatrixGrid(rows, columns, Keys(m, rows), Keys(m, columns));
    }

    public IReadOnlyList<MatrixCellResult> At(MatrixResults m, string? row, string? column) =>
        m.Cells.Where(c => c.Values.GetValueOrDefault(Rows.Name) == row && c.Values.GetValueOrDefault(Columns.Name) == column).ToList();

    public static string Label(string? key) => key ?? MatrixFormat.Unset;

    private static List<string?> Keys(MatrixResults m, MatrixAxis axis)
    {
        var keys = axis.Values.Select(v => (string?)v).ToList();
        if (m.Cells.Any(c => !c.Values.ContainsKey(axis.Name)))
            keys.Add(null);
        return keys;
    }
}
