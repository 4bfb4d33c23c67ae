using System.Text;
using Harness.Reports.Markdown;
using Harness.Reports.Model;

namespace Harness.Reports.Matrix;

/// <summary>
/// The matrix's summary.md for a CI step summary or a PR comment: the verdict, then the grid as a markdown table
/// (rows and columns for two axes, a column per axis otherwise), each cell with its verdict and failed thresholds.
/// No links, like a run's summary: the reports may not be published.
/// </summary>
internal static class MatrixMarkdown
{
    public static string Render(MatrixResults m)
    {
        var md = new StringBuilder();
        md.Append(
            $"## {(m.Status == RunStatus.Passed ? "✅" : "❌")} {Md.Text(m.Scenario)}: {ReportFormat.Verdict(m.Status)} (matrix of {ReportFormat.Integer(m.Cells.Count)} cells)\n\n"
        );
        if (!string.IsNullOrEmpty(m.Description))
            md.Append(Md.Text(m.Description)).Append("\n\n");
        md.Append(
            $"{Md.Text(MatrixFormat.Headline(m))} {Md.Text(MatrixFormat.Counts(m))} · {ReportFormat.Seconds(m.DurationMs)} · matrix {Md.Text(m.MatrixId)}\n\n"
        );
        if (m.Filter is not null)
            md.Append($"Only the cells matching --filter {Md.Code(m.Filter)} ran.\n\n");
        if (MatrixGrid.For(m) is { } grid)
        {
            md.Append(
                    Md.Header([
                        $"{Md.Text(grid.Rows.Name)} ↓ · {Md.Text(grid.Columns.Name)} →",
                        .. grid.ColumnKeys.Select(k => Md.Text(MatrixGrid.Label(k))),
                    ])
                )
                .Append('\n');
            foreach (var row in grid.RowKeys)
            {
                md.Append(Md.Row([Md.Text(MatrixGrid.Label(row)), .. grid.ColumnKeys.Select(column => Position(grid.At(m, row, column)))]))
                    .Append('\n');
            }
        }
        else
        {
            md.Append(Md.Header([.. m.Axes.Select(a => Md.Text(a.Name)), "cell"])).Append('\n');
            foreach (var cell in m.Cells)
            {
                md.Append(
                        Md.Row([
                            .. m.Axes.Select(a => Md.Text(cell.Values.GetValueOrDefault(a.Name) ?? MatrixFormat.Unset)),
                            Position([cell]),
                        ])
                    )
                    .Append('\n');
            }
        }
        md.Append('\n');
        md.Append($"Reproduce: {Md.Code(m.Command)}\n");
        return md.ToString();
    }

    // A table cell holds one line; the failed thresholds and errors are joined with <br> (GitHub renders it as a break).
    private static string Position(IReadOnlyList<MatrixCellResult> cells) =>
        cells.Count == 0 ? "—" : string.Join("<br>", cells.Select(Cell));

    private static string Cell(MatrixCellResult c) =>
        string.Join(
            "<br>",
            new[] { $"{MatrixFormat.Emoji(c.Status)} {MatrixFormat.Verdict(c.Status)}" }
                .Concat(
                    c.Thresholds.Where(t => !t.Passed)
                        .Select(t => $"{Md.Text(t.Probe)} {Md.Code(t.Expression)}: {Md.Text(MatrixFormat.Outcome(t))}")
                )
                .Concat(c.Errors.Select(e => $"error: {Md.Text(e)}"))
                .Concat(c.Failures.Select(f => $"failed: {Md.Text(f)}"))
        );
}
