using System.Text.RegularExpressions;
using Harness.Reports.Matrix;
using Harness.Reports.Model;

namespace Harness.Tests.Reports.Matrix;

public sealed partial class MatrixHtmlTests
{
    [Test]
    public void Render_TwoAxes_IsAGridWithRowsAndColumns()
    {
        var (matrix, _) = MatrixFixtures.Build(MatrixFixtures.TwoAxes(), failingCell: "slow-3g,latency=300ms");

        var html = MatrixHtml.Render(matrix);

        var table = System.Net.WebUtility.HtmlDecode(Between(html, "<table class=\"matrix-grid\">", "</table></section>"));
        Assert.That(
            table,
            Does.StartWith(
                "<thead><tr><th class=\"corner\"><strong>network.profile</strong> ↓ · <strong>latency</strong> →</th><th>0ms</th><th>300ms</th></tr></thead>"
            )
        );
        var rows = RowHeader().Matches(table).Select(m => m.Groups[1].Value).ToList();
        Assert.That(rows, Is.EqualTo(new[] { "fast-4g", "slow-3g" }));
        Assert.That(
            CellClass().Matches(table).Select(m => m.Groups[1].Value),
            Is.EqualTo(new[] { "passed", "passed", "passed", "failed" }),
            "row by row, coloured by verdict"
        );
    }

    [Test]
    public void Render_FailedCell_ShowsItsFailedThresholdsAndOpensItsDetailsInline()
    {
        var (matrix, _) = MatrixFixtures.Build(MatrixFixtures.TwoAxes(), failingCell: "slow-3g,latency=300ms");

        var html = MatrixHtml.Render(matrix);

        var failed = System.Net.WebUtility.HtmlDecode(Between(html, "<td class=\"cell failed\">", "</td></tr></tbody></table></section>"));
        Assert.That(
            failed,
            Does.StartWith(
                "<div class=\"cell-verdict\">FAILED</div><ul class=\"cell-failing\"><li><strong>api</strong>: <code class=\"expr\">"
            )
        );
        Assert.That(failed, Does.Contain(" — observed 302 ms, limit < 250 ms</li></ul><details><summary>details</summary>"));
        Assert.That(failed, Does.Contain("<a href=\"cells/network.profile-slow-3g_latency-300ms/index.html\">Open this cell's report</a>"));
        Assert.That(failed, Does.Contain("seed 45"));
        Assert.That(html, Does.Contain("<div class=\"verdict failed\">FAILED</div><h1>demo: matrix of 4 cells</h1>"));
        Assert.That(html, Does.Contain("1 of 4 cells failed their thresholds."));
    }

    [Test]
    public void Render_VerdictColours_AreStylesPerStatus()
    {
        var html = MatrixHtml.Render(MatrixFixtures.Build(MatrixFixtures.TwoAxes()).Matrix);

        foreach (
            var rule in new[]
            {
                "td.cell.passed { background: color-mix(in srgb, var(--pass)",
                "td.cell.failed, td.cell.error { background: color-mix(in srgb, var(--fail)",
                "td.cell.interrupted { background: color-mix(in srgb, var(--warn)",
                "td.cell.not-run, td.cell.empty { color: var(--muted)",
            }
        )
        {
            Assert.That(html, Does.Contain(rule));
        }
        Assert.That(html, Does.Contain("@media (prefers-color-scheme: dark)"), "the run report's stylesheet, dark mode included");
    }

    [Test]
    public void Render_OneAxis_IsATableWithAColumnPerAxis()
    {
        var plans = MatrixFixtures.Plans([("client_version", "2.3")], [("client_version", "2.4")]);

        var html = MatrixHtml.Render(MatrixFixtures.Build(plans, failingCell: "2.4").Matrix);

        var table = Between(html, "<table class=\"matrix-list\">", "</table></section>");
        Assert.That(table, Does.StartWith("<thead><tr><th>client_version</th><th>cell</th></tr></thead>"));
        Assert.That(
            table,
            Does.Contain("<tr><td>2.3</td><td class=\"cell passed\">").And.Contain("<tr><td>2.4</td><td class=\"cell failed\">")
        );
        Assert.That(html, Does.Not.Contain("<table class=\"matrix-grid\">"));
    }

    [Test]
    public void Render_ThreeAxes_IsATableWithAColumnPerAxis()
    {
        var plans = MatrixFixtures.Plans(
            [("type", "live"), ("chat", "public"), ("recording", "on")],
            [("type", "automated"), ("chat", "private"), ("recording", "off")],
            [("type", "live"), ("chat", "private"), ("recording", "off")]
        );

        var html = MatrixHtml.Render(MatrixFixtures.Build(plans, failingCell: "type=automated").Matrix);

        var table = Between(html, "<table class=\"matrix-list\">", "</table></section>");
        Assert.That(table, Does.StartWith("<thead><tr><th>type</th><th>chat</th><th>recording</th><th>cell</th></tr></thead>"));
        Assert.That(table, Does.Contain("<tr><td>automated</td><td>private</td><td>off</td><td class=\"cell failed\">"));
        Assert.That(CellClass().Matches(table).Count, Is.EqualTo(3));
    }

    [Test]
    public void Render_Filtered_ShowsOnlyTheValuesOfCellsThatRanAndSaysSo()
    {
        var plans = MatrixFixtures.TwoAxes().Where(p => p.Name.Contains("latency=300ms", StringComparison.Ordinal)).ToList();
        var run = MatrixFixtures.Run with { Filter = "*latency=300ms*" };

        var html = MatrixHtml.Render(MatrixFixtures.Build(plans, run: run).Matrix);

        Assert.That(
            Between(html, "<table class=\"matrix-grid\">", "</thead>"),
            Does.EndWith("<th>300ms</th></tr>"),
            "only values of cells that ran are columns"
        );
        Assert.That(html, Does.Contain("Only the cells matching --filter <code>*latency=300ms*</code> ran"));
    }

    [Test]
    public void Render_GridPositionWithoutACell_IsAnEmptyPosition()
    {
        var plans = MatrixFixtures.TwoAxes().Where(p => p.Name != "network.profile=slow-3g,latency=0ms").ToList();

        var html = MatrixHtml.Render(MatrixFixtures.Build(plans).Matrix);

        Assert.That(
            CellClass().Matches(html).Select(m => m.Groups[1].Value),
            Is.EqualTo(new[] { "passed", "passed", "empty", "passed" }),
            "an excluded combination (or a pairwise gap) stays visible as a gap"
        );
    }

    [Test]
    public void Render_Interrupted_MarksTheCellsThatDidNotRun()
    {
        var (matrix, _) = MatrixFixtures.Build(MatrixFixtures.TwoAxes(), ran: 2);

        var html = MatrixHtml.Render(matrix);

        Assert.That(matrix.Status, Is.EqualTo(RunStatus.Interrupted));
        Assert.That(matrix.ExitCode, Is.EqualTo(130));
        Assert.That(html, Does.Contain("<div class=\"verdict interrupted\">INTERRUPTED</div>"));
        Assert.That(
            CellClass().Matches(html).Select(m => m.Groups[1].Value),
            Is.EqualTo(new[] { "passed", "passed", "not-run", "not-run" })
        );
        Assert.That(
            html,
            Does.Contain(
                "<div class=\"cell-verdict\">NOT RUN</div><p class=\"note\">not run: the matrix was interrupted before this cell started</p>"
            )
        );
    }

    [Test]
    public void Render_HostileCellValues_AreEncodedNeverMarkup()
    {
        var hostile = "\"><img src=x onerror=alert(1)>";
        var plans = MatrixFixtures.Plans(
            [("<script>alert(1)</script>", hostile), ("b", "javascript:alert(1)")],
            [("<script>alert(1)</script>", "ok"), ("b", "</style><svg onload=alert(1)>")]
        );
        var run = MatrixFixtures.Run with { Scenario = "<script>window.__pwned=1</script>", Description = hostile, Filter = hostile };
        var (matrix, _) = MatrixFixtures.Build(plans, failingCell: "ok", run: run);
        matrix = matrix with { Cells = matrix.Cells.Select(c => c with { Errors = ["</td><script>x()</script>"] }).ToList() };

        var html = MatrixHtml.Render(matrix);

        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("<svg onload"));
        Assert.That(body, Does.Not.Contain("</style>"), "a value cannot close the stylesheet");
        Assert.That(
            body,
            Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        );
        Assert.That(
            Hrefs().Matches(html).Select(m => m.Groups[1].Value),
            Is.All.StartsWith("cells/"),
            "links are the cells' folders, slugs only"
        );
    }

    [Test]
    public void Render_AReportPathOutsideTheMatrixFolder_IsNotALink()
    {
        var (matrix, _) = MatrixFixtures.Build(MatrixFixtures.TwoAxes());
        matrix = matrix with
        {
            Cells = [matrix.Cells[0] with { Report = "javascript:alert(1)" }, matrix.Cells[1] with { Report = "../../etc/passwd" }],
        };

        var html = MatrixHtml.Render(matrix);

        Assert.That(html, Does.Not.Contain("<a "));
    }

    [Test]
    public void Render_IsSelfContained()
    {
        var html = MatrixHtml.Render(MatrixFixtures.Build(MatrixFixtures.TwoAxes(), failingCell: "slow").Matrix);

        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(
            html,
            Does.Not.Contain("<link").And.Not.Contain("src=").And.Not.Contain("<script").And.Not.Contain("url("),
            "no external resources, no scripts"
        );
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.That(from, Is.GreaterThanOrEqualTo(0), $"'{start}' not found");
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.That(to, Is.GreaterThanOrEqualTo(0), $"'{end}' not found after '{start}'");
        return text[from..to];
    }

    [GeneratedRegex("<th scope=\"row\">([^<]*)</th>")]
    private static partial Regex RowHeader();

    [GeneratedRegex("<td class=\"cell ([a-z-]+)\">")]
    private static partial Regex CellClass();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Hrefs();
}
