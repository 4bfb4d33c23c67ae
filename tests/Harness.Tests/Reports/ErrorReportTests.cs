using System.Xml.Linq;
using Harness.Metrics;
using Harness.Reports;
using Harness.Reports.Html;
using Harness.Reports.Markdown;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

/// <summary>Why exchanges failed reaches every output, and hostile messages stay text.</summary>
public sealed class ErrorReportTests
{
    private const string Hostile = "<script>window.__pwned=1</script>&\"";

    private static RunResults WithErrors(string message = "HTTP 503 Service Unavailable")
    {
        var start = ReportFixtures.Start;
        var results = ReportFixtures.Results();
        var api = results.Probes[0] with
        {
            Errors =
            [
                new ErrorTally(
                    "ws_handshake_failed",
                    "handshake_503",
                    60,
                    start.AddSeconds(12.3),
                    start.AddSeconds(19),
                    "degraded",
                    message
                )
                {
                    Phases = new Dictionary<string, long> { ["degraded"] = 60 },
                },
                new ErrorTally(
                    "ws_handshake_failed",
                    "refused",
                    5,
                    start.AddSeconds(1),
                    start.AddSeconds(2),
                    "baseline",
                    "Connection refused (127.0.0.1:1)"
                ),
                new ErrorTally(
                    "http_req_failed",
                    "timeout",
                    2,
                    start.AddSeconds(4),
                    start.AddSeconds(5),
                    "baseline",
                    "no complete response within 10 s"
                ),
            ],
        };
        return results with { Probes = [api] };
    }

    [Test]
    public void ErrorLines_TopReasonsPerMetric_WithFirstExampleTimeAndPhase()
    {
        var lines = ErrorLines.For(WithErrors().Probes[0], ReportFixtures.Start);

        Assert.That(
            lines,
            Is.EqualTo(
                new[]
                {
                    "65 ws_handshake_failed: handshake_503 (60), refused (5) - first 'HTTP 503 Service Unavailable' at 12.3 s in phase degraded",
                    "2 http_req_failed: timeout (2) - first 'no complete response within 10 s' at 4.0 s in phase baseline",
                }
            )
        );
    }

    [Test]
    public void ErrorLines_ManyClasses_NamesTheTopThreeAndCountsTheRest()
    {
        var start = ReportFixtures.Start;
        var probe = ReportFixtures.Results().Probes[0] with
        {
            Errors = Enumerable
                .Range(0, 5)
                .Select(i => new ErrorTally("http_req_failed", $"status_50{i}", 10 - i, start, start, "p", "m"))
                .ToList(),
        };

        Assert.That(
            ErrorLines.For(probe, start).Single(),
            Does.StartWith("40 http_req_failed: status_500 (10), status_501 (9), status_502 (8), +2 more (13) - ")
        );
    }

    [Test]
    public void Html_ErrorsSection_ListsClassesAndEncodesHostileMessages()
    {
        var html = HtmlReport.Render(WithErrors(Hostile));

        Assert.That(html, Does.Contain("<section id=\"errors\">"));
        Assert.That(html, Does.Contain("handshake_503").And.Contain("Connection refused (127.0.0.1:1)"));
        Assert.That(html, Does.Not.Contain("<script>window.__pwned"));
        Assert.That(
            html,
            Does.Contain("&lt;script&gt;window.__pwned=1&lt;/script&gt;&amp;&quot;")
                .Or.Contain("&lt;script&gt;window.__pwned=1&lt;/script&gt;&amp;\"")
        );
    }

    [Test]
    public void Html_NoErrors_NoSection()
    {
        Assert.That(HtmlReport.Render(ReportFixtures.Results()), Does.Not.Contain("<section id=\"errors\">"));
    }

    [Test]
    public void Summary_ErrorsSection_EscapesHostileMessages()
    {
        var md = SummaryMarkdown.Render(WithErrors(Hostile));

        Assert.That(md, Does.Contain("### Errors"));
        Assert.That(md, Does.Contain("handshake\\_503 (60), refused (5)"));
        Assert.That(md, Does.Not.Contain("<script>"));
    }

    [Test]
    public void JUnit_FailureText_CarriesTheProbesTopReasons_HostileTextRoundTrips()
    {
        var xml = JUnitWriter.Render(WithErrors(Hostile)).ToString();
        var failure = XDocument.Parse(xml).Descendants("failure").Single();

        Assert.That(
            failure.Value,
            Does.Contain(
                "errors: 65 ws_handshake_failed: handshake_503 (60), refused (5) - first '" + Hostile + "' at 12.3 s in phase degraded"
            )
        );
        Assert.That(xml, Does.Not.Contain("<script>"));
    }
}
