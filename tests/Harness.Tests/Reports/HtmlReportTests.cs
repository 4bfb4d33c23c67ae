using Harness.Reports.Html;

namespace Harness.Tests.Reports;

public sealed class HtmlReportTests
{
    [Test]
    public void Render_HostileStrings_AreEncodedNeverMarkup()
    {
        var html = HtmlReport.Render(ReportFixtures.Results(description: "<script>alert(1)</script>", url: "http://app.test/\"><img src=x onerror=alert(1)>"));

        Assert.That(html, Does.Not.Contain("<script>"));
        Assert.That(html, Does.Not.Contain("<img"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    [Test]
    public void Render_ShowsVerdictThresholdsAndPhases()
    {
        var html = HtmlReport.Render(ReportFixtures.Results());

        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(html, Does.Contain("class=\"verdict failed\">FAILED<"));
        Assert.That(html, Does.Contain("<section id=\"thresholds\">").And.Contain("<td>302</td>"));
        Assert.That(html, Does.Contain("latency downstream on edge: latency=300, jitter=0"));
        Assert.That(html, Does.Not.Contain("<link").And.Not.Contain("src=").And.Not.Contain("<script"), "self-contained: no external resources, no scripts");
    }
}
