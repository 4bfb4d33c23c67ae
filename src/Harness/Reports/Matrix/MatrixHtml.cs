using System.Text;
using Harness.Reports.Html;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Matrix;

/// <summary>
/// The matrix's index.html, rendered from matrix.json alone: the verdict, then the grid (rows and columns for two
/// axes, a table with a column per axis otherwise). Each cell is coloured by its verdict, lists its failed thresholds
/// and opens its details inline (a &lt;details&gt;, no script) with a link to the cell's own report. Same typed tree,
/// stylesheet and rules as a run's page: every value encoded, nothing external.
/// </summary>
public static class MatrixHtml
{
    private const string Css = """
        table.matrix-grid { width: auto; } table.matrix-grid th.corner { font-weight: 400; } table.matrix-grid th[scope=row] { color: var(--fg); }
        td.cell { border: 1px solid var(--line); min-width: 12rem; }
        td.cell.passed { background: color-mix(in srgb, var(--pass) 14%, transparent); }
        td.cell.failed, td.cell.error { background: color-mix(in srgb, var(--fail) 14%, transparent); }
        td.cell.interrupted { background: color-mix(in srgb, var(--warn) 16%, transparent); }
        td.cell.not-run, td.cell.empty { color: var(--muted); }
        .cell-verdict { font-weight: 700; } td.passed .cell-verdict { color: var(--pass); } td.failed .cell-verdict, td.error .cell-verdict { color: var(--fail); }
        td.interrupted .cell-verdict { color: var(--warn); }
        ul.cell-failing, ul.cell-errors { margin: .3rem 0; padding-left: 1rem; font-size: 13px; } td.cell details table { font-size: 12px; }
        @media print { td.cell { break-inside: avoid; } }
        """;

    public static string Render(MatrixResults m)
    {
        var page = E(
            "html",
            [("lang", "en")],
            E(
                "head",
                E("meta", [("charset", "utf-8")]),
                E("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                E("title", $"{ReportFormat.Verdict(m.Status)} · {m.Scenario} matrix · harness"),
                E("style", new HtmlTrusted(Styles.Css + "\n" + Css))
            ),
            E("body", Header(m), Grid(m), Reproduce(m))
        );
        var output = new StringBuilder("<!DOCTYPE html>\n");
        page.Render(output);
        return output.ToString();
    }

    private static HtmlElement Header(MatrixResults m) =>
        E(
            "header",
            [("id", "verdict")],
            Cls("div", $"verdict {ReportFormat.Status(m.Status)}", ReportFormat.Verdict(m.Status)),
            E("h1", $"{m.Scenario}: matrix of {ReportFormat.Integer(m.Cells.Count)} cells"),
            string.IsNullOrEmpty(m.Description) ? null : Cls("p", "description", m.Description),
            Cls(
                "p",
                "headline",
                E("strong", MatrixFormat.Headline(m)),
                $" {MatrixFormat.Counts(m)} · axes {string.Join(", ", m.Axes.Select(a => a.Name))} · {ReportFormat.Seconds(m.DurationMs)} · started {ReportFormat.Utc(m.StartedAt)} · matrix {m.MatrixId}"
            ),
            m.Filter is null
                ? null
                : Cls("p", "note", "Only the cells matching --filter ", E("code", m.Filter), " ran; they are the ones shown.")
        );

    private static HtmlElement Grid(MatrixResults m)
    {
        if (MatrixGrid.For(m) is { } grid)
        {
            var head = E(
                "tr",
                [
                    E("th", [("class", "corner")], E("strong", grid.Rows.Name), " ↓ · ", E("strong", grid.Columns.Name), " →"),
                    .. grid.ColumnKeys.Select(k => (HtmlNode)E("th", MatrixGrid.Label(k))),
                ]
            );
            var rows = grid.RowKeys.Select(row =>
                (HtmlNode)E(
                    "tr",
                    [
                        E("th", [("scope", "row")], MatrixGrid.Label(row)),
                        .. grid.ColumnKeys.Select(column => (HtmlNode)Position(grid.At(m, row, column))),
                    ]
                )
            );
            return Section("matrix", "Matrix", E("table", [("class", "matrix-grid")], E("thead", head), E("tbody", rows.ToArray())));
        }
        var headers = m.Axes.Select(a => (HtmlNode)E("th", a.Name)).Append(E("th", "cell")).ToArray();
        var list = m.Cells.Select(c =>
            (HtmlNode)E(
                "tr",
                [.. m.Axes.Select(a => (HtmlNode)E("td", c.Values.GetValueOrDefault(a.Name) ?? MatrixFormat.Unset)), Position([c])]
            )
        );
        return Section(
            "matrix",
            "Matrix",
            E("table", [("class", "matrix-list")], E("thead", E("tr", headers)), E("tbody", list.ToArray()))
        );
    }

    /// <summary>One grid position: its cell, or a muted dash when this run has no cell there (filtered out or excluded).</summary>
    private static HtmlElement Position(IReadOnlyList<MatrixCellResult> cells) =>
        cells.Count switch
        {
            0 => E("td", [("class", "cell empty")], "—"),
            1 => E("td", [("class", $"cell {MatrixFormat.Css(cells[0].Status)}")], Cell(cells[0])),
            _ => E(
                "td",
                [("class", $"cell {MatrixFormat.Css(cells.Max(c => c.Status))}")],
                cells.Select(c => (HtmlNode)E("div", Cell(c))).ToArray()
            ),
        };

    private static HtmlFragment Cell(MatrixCellResult c)
    {
        var failing = c.Thresholds.Where(t => !t.Passed).ToList();
        return Frag(
            Cls("div", "cell-verdict", MatrixFormat.Verdict(c.Status)),
            failing.Count == 0
                ? null
                : Cls(
                    "ul",
                    "cell-failing",
                    failing
                        .Select(t =>
                            (HtmlNode)E(
                                "li",
                                E("strong", t.Probe),
                                ": ",
                                Cls("code", "expr", t.Expression),
                                $" — {MatrixFormat.Outcome(t)}"
                            )
                        )
                        .ToArray()
                ),
            c.Errors.Count == 0
                ? null
                : Cls("ul", "cell-errors", c.Errors.Select(e => (HtmlNode)E("li", Cls("span", "fail", "error "), e)).ToArray()),
            c.Failures.Count == 0
                ? null
                : Cls("ul", "cell-errors", c.Failures.Select(f => (HtmlNode)E("li", Cls("span", "fail", "failed "), f)).ToArray()),
            c.Ran ? Details(c) : Cls("p", "note", "not run: the matrix was interrupted before this cell started")
        );
    }

    private static HtmlElement Details(MatrixCellResult c) =>
        E(
            "details",
            E("summary", "details"),
            Cls(
                "p",
                "note",
                $"{c.Name} · seed {Optional(c.Seed)} · {(c.DurationMs is { } ms ? ReportFormat.Seconds(ms) : "n/a")} · exit {Optional(c.ExitCode)} · run {c.RunId ?? "n/a"}"
            ),
            c.Thresholds.Count == 0
                ? Cls("p", "note", "no thresholds")
                : TableRows(
                    ["", "probe", "threshold", "observed", "limit"],
                    c.Thresholds.Select(t =>
                        Tr(
                            t.Passed ? null : "failed",
                            Cls("span", t.Passed ? "pass" : "fail", t.Passed ? "pass" : "FAIL"),
                            t.Probe,
                            Cls("code", "expr", t.Expression),
                            t.Observed is null ? t.Detail : MatrixFormat.Observed(t),
                            MatrixFormat.Limit(t)
                        )
                    )
                ),
            // A matrix.json edited by hand could point anywhere; only a path inside the matrix folder becomes a link.
            c.Report
                is { } report
            && MatrixJson.IsInside(report)
                ? E("p", E("a", [("href", report)], "Open this cell's report"), " (", E("code", c.Directory), ")")
                : null
        );

    private static HtmlElement Reproduce(MatrixResults m) =>
        Section(
            "reproduce",
            "Reproduce",
            E(
                "table",
                E(
                    "tbody",
                    Tr(null, E("strong", "Command"), E("code", m.Command)),
                    Tr(null, E("strong", "Scenario file"), E("code", m.Source)),
                    Tr(
                        null,
                        E("strong", "Cells"),
                        $"{ReportFormat.Integer(m.Cells.Count)}; each cell's folder has its own results.json, index.html, junit.xml, summary.md and artifacts/"
                    )
                )
            )
        );

    private static string Optional(int? value) => value is null ? "n/a" : ReportFormat.Integer(value.Value);
}
