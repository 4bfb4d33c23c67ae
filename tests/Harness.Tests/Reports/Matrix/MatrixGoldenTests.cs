using Harness.Reports.Matrix;

namespace Harness.Tests.Reports.Matrix;

/// <summary>The matrix's junit.xml and summary.md byte for byte against Matrix/Golden/ (UPDATE_GOLDEN=1 rewrites them).</summary>
public sealed class MatrixGoldenTests
{
    [Test]
    public void JUnit_TwoCells_IsASuitePerCell_MatchesGolden()
    {
        var (matrix, cells) = MatrixFixtures.Build(
            MatrixFixtures.Plans([("client_version", "2.3")], [("client_version", "2.4")]),
            failingCell: "2.4"
        );

        var document = MatrixJUnit.Render(matrix, cells);

        var suites = document.Root!.Elements("testsuite").ToList();
        Assert.That(
            suites.Select(s => (string?)s.Attribute("name")),
            Is.EqualTo(new[] { "demo[client_version=2.3]", "demo[client_version=2.4]" })
        );
        Assert.That(suites.Select(s => (int?)s.Attribute("failures")), Is.EqualTo(new int?[] { 0, 1 }));
        GoldenFile.AssertMatches(Golden("two-cells.junit.xml"), document.Declaration + "\n" + document.Root + "\n");
    }

    [Test]
    public void JUnit_Interrupted_CellsNotRunAreSkippedSuites()
    {
        var (matrix, cells) = MatrixFixtures.Build(MatrixFixtures.TwoAxes(), ran: 3);

        var root = MatrixJUnit.Render(matrix, cells).Root!;

        Assert.That(root.Elements("testsuite").Count(), Is.EqualTo(4));
        var skipped = root.Elements("testsuite").Last();
        Assert.That((int?)skipped.Attribute("skipped"), Is.EqualTo(1));
        Assert.That(
            (string?)skipped.Element("testcase")!.Element("skipped")!.Attribute("message"),
            Is.EqualTo("not run: the matrix was interrupted before this cell started")
        );
        Assert.That((int?)root.Attribute("skipped"), Is.EqualTo(1));
        Assert.That((int?)root.Attribute("tests"), Is.EqualTo(root.Elements("testsuite").Sum(s => (int)s.Attribute("tests")!)));
    }

    [Test]
    public void Summary_TwoAxes_IsTheGridAsAMarkdownTable_MatchesGolden()
    {
        var (matrix, _) = MatrixFixtures.Build(MatrixFixtures.TwoAxes(), failingCell: "slow-3g,latency=300ms");

        GoldenFile.AssertMatches(Golden("two-axes.summary.md"), MatrixMarkdown.Render(matrix));
    }

    [Test]
    public void Summary_ThreeAxes_IsATableWithAColumnPerAxis_MatchesGolden()
    {
        var plans = MatrixFixtures.Plans(
            [("type", "live"), ("chat", "public"), ("recording", "on")],
            [("type", "automated"), ("chat", "private"), ("recording", "off")],
            [("type", "live"), ("chat", "private"), ("recording", "off")]
        );
        var (matrix, _) = MatrixFixtures.Build(plans, failingCell: "type=automated", ran: 2);

        GoldenFile.AssertMatches(Golden("three-axes.summary.md"), MatrixMarkdown.Render(matrix));
    }

    [Test]
    public void Summary_HostileCellValues_StayText()
    {
        var plans = MatrixFixtures.Plans([("a|b", "<script>x</script>"), ("c", "[l](http://evil)")]);

        var md = MatrixMarkdown.Render(MatrixFixtures.Build(plans).Matrix);

        Assert.That(md, Does.Not.Contain("<script>"));
        Assert.That(md, Does.Contain("a\\|b").And.Contain("&lt;script&gt;x&lt;/script&gt;").And.Contain("\\[l\\](http://evil)"));
    }

    // The shared GoldenFile helper reads Reports/Golden/; the matrix's golden files live beside these tests.
    private static string Golden(string name) => Path.Combine("..", "Matrix", "Golden", name);
}
