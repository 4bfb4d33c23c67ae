using Harness.Reports;
using Harness.Reports.Markdown;

namespace Harness.Tests.Reports;

/// <summary>junit.xml and summary.md byte for byte against Golden/ (a real passing run and a failing fixture).</summary>
public sealed class GoldenOutputTests
{
    [Test]
    public void JUnit_SmokeRun_MatchesGolden() => GoldenFile.AssertMatches("smoke.junit.xml", JUnit(ReportFixtures.Smoke()));

    [Test]
    public void JUnit_FailingRun_MatchesGolden() =>
        GoldenFile.AssertMatches("failing.junit.xml", JUnit(ReportFixtures.Results(error: "target unreachable: connection refused")));

    [Test]
    public void Summary_SmokeRun_MatchesGolden() =>
        GoldenFile.AssertMatches("smoke.summary.md", SummaryMarkdown.Render(ReportFixtures.Smoke()));

    [Test]
    public void Summary_FailingRun_MatchesGolden() =>
        GoldenFile.AssertMatches(
            "failing.summary.md",
            SummaryMarkdown.Render(ReportFixtures.Results(error: "target unreachable: connection refused"))
        );

    [Test]
    public void Summary_HostileText_StaysText()
    {
        var md = SummaryMarkdown.Render(
            ReportFixtures.Results(
                description: "<script>alert(1)</script> [x](http://evil) | *b*",
                thresholdText: "p(95) < 1 `|` <img src=x>"
            )
        );

        Assert.That(md, Does.Not.Contain("<script>"));
        Assert.That(md, Does.Contain("&lt;script&gt;").And.Contain("\\[x\\](http"), "text: HTML encoded, link brackets escaped");
        Assert.That(md, Does.Contain("`p(95) < 1 '\\|' <img src=x>`"), "code span: shown literally, cannot close early or split the table");
    }

    private static string JUnit(Harness.Reports.Model.RunResults results)
    {
        var document = JUnitWriter.Render(results);
        return document.Declaration + "\n" + document.Root + "\n";
    }
}
