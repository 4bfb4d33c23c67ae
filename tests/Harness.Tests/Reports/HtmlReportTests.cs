using System.Text.RegularExpressions;
using Harness.History;
using Harness.Metrics;
using Harness.Reports.Html;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

public sealed partial class HtmlReportTests
{
    [Test]
    public void Render_HostileStrings_AreEncodedNeverMarkup()
    {
        var html = HtmlReport.Render(
            ReportFixtures.Results(
                description: "<script>alert(1)</script>",
                url: "http://app.test/\"><img src=x onerror=alert(1)>",
                thresholdText: "p(95) < 1 \"><svg onload=alert(1)>",
                error: "</style><script>window.__pwned=1</script>"
            )
        );

        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("<svg onload"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    [Test]
    public void Render_VerdictComesFirstWithTheFailingThresholdObservedAndLimit()
    {
        var html = HtmlReport.Render(ReportFixtures.Results());

        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        Assert.That(body, Does.StartWith("<body><header id=\"verdict\"><div class=\"verdict failed\">FAILED</div>"));
        Assert.That(
            body.IndexOf("class=\"failing\"", StringComparison.Ordinal),
            Is.LessThan(body.IndexOf("<section id=\"thresholds\">", StringComparison.Ordinal))
        );
        Assert.That(body, Does.Contain("observed <strong>302 ms</strong>, limit &lt; 250 ms"));
    }

    [Test]
    public void Render_HasEverySectionAndIsSelfContained()
    {
        var html = HtmlReport.Render(ReportFixtures.Smoke());

        foreach (var id in new[] { "verdict", "thresholds", "timeline", "phases", "impairment", "websocket", "environment" })
        {
            Assert.That(html, Does.Contain($"id=\"{id}\""), id);
        }
        Assert.That(ChartCount().Count(html), Is.EqualTo(3), "one chart per probe");
        Assert.That(html, Does.Contain("<details><summary>Resolved scenario"));
        Assert.That(
            html,
            Does.Not.Contain("<link").And.Not.Contain("src=").And.Not.Contain("<script").And.Not.Contain("url("),
            "self-contained: no external resources, no scripts"
        );
    }

    [Test]
    public void Render_Impairment_ComparesConfiguredWithAchievedPerDirection()
    {
        var html = HtmlReport.Render(ReportFixtures.Smoke());
        var section = html[html.IndexOf("<section id=\"impairment\">", StringComparison.Ordinal)..];
        section = System.Net.WebUtility.HtmlDecode(section[..section.IndexOf("</section>", StringComparison.Ordinal)]);

        Assert.That(
            section,
            Does.Contain(
                "<td>edge</td><td>degraded</td><td>none</td><td><div>latency: latency 200 ms, jitter 0 ms</div></td><td>room · ws_frame_delay</td><td>downstream</td><td>200 ms</td><td>+202.6 ms</td>"
            )
        );
        Assert.That(section, Does.Contain("<td>api · http_req_duration</td><td>round trip</td><td>200 ms</td><td>+201.9 ms</td>"));
        Assert.That(
            section,
            Does.Contain("the median of its main latency metric in the phase minus its median in the reference phase \"baseline\"")
        );
    }

    [Test]
    public void Render_LongRun_BoundsTheChartPoints()
    {
        var hour = 3600;
        var start = ReportFixtures.Start;
        var points = Enumerable
            .Range(0, hour)
            .Select(i => new SecondPoint(start.ToUnixTimeSeconds() + i, 10, 10 * (50 + i % 7), 60 + i % 7, 0))
            .ToList();
        var results = ReportFixtures.Results() with
        {
            FinishedAt = start.AddSeconds(hour),
            Phases = [new PhaseResult("long", start, start.AddSeconds(hour), hour * 1000.0, [])],
            Probes =
            [
                new ProbeResult(
                    "api",
                    "http",
                    "http://app.test/",
                    [
                        new MetricResult(
                            "http_req_duration",
                            "trend",
                            "ms",
                            ReportFixtures.Results().Probes[0].Metrics[0].All,
                            new Dictionary<string, MetricSummary>(),
                            points
                        ),
                    ]
                ),
            ],
        };

        var html = HtmlReport.Render(results);
        var polyline = Regex.Match(html, "<polyline points=\"([^\"]*)\" class=\"l-avg\"").Groups[1].Value;

        Assert.That(polyline.Split(' '), Has.Length.LessThanOrEqualTo(600));
        Assert.That(html.Length, Is.LessThan(200_000));
    }

    [Test]
    public void Render_WithHistory_ShowsSparklinesAndMarksFlakyThresholds()
    {
        var results = ReportFixtures.Results();
        var t = results.Thresholds[0];
        var points = new[] { true, false, true, false }
            .Select((passed, i) => new ThresholdPoint($"run-{i}", ReportFixtures.Start.AddDays(i), passed ? 200 : 300, passed))
            .ToList();

        var html = HtmlReport.Render(results, [new ThresholdTrend("demo", t.Probe, t.Expression, t.Metric, points)]);

        Assert.That(html, Does.Contain("<svg class=\"spark\""));
        Assert.That(html, Does.Contain("flaky (3 flips)"));
        Assert.That(html, Does.Contain("<title>run-1: 300 ms (fail)</title>"));
    }

    [GeneratedRegex("<figure class=\"chart\">")]
    private static partial Regex ChartCount();
}
