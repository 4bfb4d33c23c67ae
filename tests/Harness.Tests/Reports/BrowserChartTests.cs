using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports;
using Harness.Reports.Analysis;
using Harness.Reports.Html;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

/// <summary>
/// A browser probe's timeline charts navigation metrics apart from step durations, and counts failed steps and
/// checks as failures (console errors and failed requests in series of their own).
/// </summary>
public sealed class BrowserChartTests
{
    private static readonly long Origin = ReportFixtures.Start.ToUnixTimeSeconds();

    private static SecondPoint At(int second, long count, double sum, double max, long nonZero) =>
        new(Origin + second, count, sum, max, nonZero);

    private static ProbeResult Browser() =>
        new(
            "join",
            "browser",
            "http://app.test/room/1",
            [
                SectionFixtures.Metric(MetricNames.BrowserStepDuration, MetricKind.Trend, [250, 260], timeline: [At(2, 2, 500, 260, 2)]),
                SectionFixtures.Metric(MetricNames.BrowserLoad, MetricKind.Trend, [900], timeline: [At(2, 1, 900, 900, 1)]),
                SectionFixtures.Metric(MetricNames.BrowserTtfb, MetricKind.Trend, [80], timeline: [At(2, 1, 80, 80, 1)]),
                // second 2: three checks, one failed; second 4: two checks, both failed.
                SectionFixtures.Metric(
                    MetricNames.Checks,
                    MetricKind.Rate,
                    [1, 1, 0, 0, 0],
                    timeline: [At(2, 3, 2, 1, 2), At(4, 2, 0, 0, 0)]
                ),
                // favicon 404s: not failures of the page's steps.
                SectionFixtures.Metric(
                    MetricNames.BrowserRequestsFailed,
                    MetricKind.Counter,
                    [1, 1, 1, 1, 1, 1, 1],
                    timeline: [At(2, 7, 7, 1, 7)]
                ),
                SectionFixtures.Metric(MetricNames.BrowserConsoleErrors, MetricKind.Counter, [1, 1], timeline: [At(3, 2, 2, 1, 2)]),
            ]
        );

    [Test]
    public void Series_Browser_NavigationApartFromSteps_FailuresAreFailedChecks()
    {
        var series = BrowserTimeline.Build(Browser(), ReportFixtures.Start);

        Assert.That(
            series.Panels.Select(p => p.Title),
            Is.EqualTo(
                new[]
                {
                    "navigation (average per second)",
                    "browser_step_duration avg / max",
                    "failed steps and checks/s",
                    "page messages/s",
                }
            )
        );
        Assert.That(series.Panels[0].Lines.Select(l => l.Name), Is.EqualTo(new[] { "browser_ttfb", "browser_load" }));
        var failed = series.Panels[2].Lines.Single();
        Assert.That(
            failed.Points.Where(p => p.Value > 0).Select(p => (p.Seconds, p.Value)),
            Is.EqualTo(new[] { (2.5, (double?)1), (4.5, (double?)2) })
        );
        Assert.That(series.Panels[3].Lines.Select(l => l.Name), Is.EqualTo(new[] { "browser_console_errors", "browser_requests_failed" }));
    }

    [Test]
    public void Html_BrowserTimeline_ChartsBrowserLoadAndNamesFailedChecks()
    {
        var results = ReportFixtures.Results() with { Probes = [Browser()] };

        var html = HtmlReport.Render(results);
        var timeline = html[html.IndexOf("<section id=\"timeline\">", StringComparison.Ordinal)..];
        timeline = timeline[..timeline.IndexOf("</section>", StringComparison.Ordinal)];

        Assert.That(timeline, Does.Contain("browser_load"));
        Assert.That(timeline, Does.Contain("failed steps and checks/s"));
        Assert.That(timeline, Does.Not.Contain("failures/s (").And.Not.Contain(">failures/s<"));
    }
}
