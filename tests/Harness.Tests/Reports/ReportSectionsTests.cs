using System.Net;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Html;
using Harness.Reports.Html.Charts;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

/// <summary>
/// The load, console/page-error, WebSocket-distribution and browser-step parts of index.html, rendered from typed results.
/// </summary>
public sealed class ReportSectionsTests
{
    private static readonly DateTimeOffset Start = ReportFixtures.Start;

    private static MetricResult Counter(string name, double total, params SecondPoint[] timeline) =>
        new(
            name,
            MetricNames.All[name].Kind.ToString().ToLowerInvariant(),
            MetricNames.All[name].Unit,
            new MetricSummary(MetricNames.All[name].Kind, (long)total, total, null, null, null, null, null, null, null, null),
            new Dictionary<string, MetricSummary>(),
            timeline
        );

    private static MetricResult Trend(string name, params double[] values) =>
        new(
            name,
            "trend",
            "ms",
            MetricSummary.From(MetricKind.Trend, values, TimeSpan.FromSeconds(20)),
            new Dictionary<string, MetricSummary> { ["slow"] = MetricSummary.From(MetricKind.Trend, values, TimeSpan.FromSeconds(10)) }
        );

    private static string Section(string html, string id)
    {
        var from = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.That(from, Is.GreaterThanOrEqualTo(0), $"section {id}");
        var section = html[from..];
        return section[..(section.IndexOf("</section>", StringComparison.Ordinal) + 10)];
    }

    private static string Render(params ProbeResult[] probes)
    {
        var results = ReportFixtures.Results(failing: false);
        return HtmlReport.Render(results with { Probes = [.. results.Probes, .. probes] });
    }

    [Test]
    public void Load_ShowsTargetAgainstAchievedIterationsDroppedPercentilesAndErrorsByKind()
    {
        var load = new ProbeResult(
            "crowd",
            "load",
            "http://app.test/",
            [
                Counter(MetricNames.Iterations, 1800),
                Counter(MetricNames.DroppedIterations, 200),
                new(
                    MetricNames.HttpReqFailed,
                    "rate",
                    "",
                    new MetricSummary(MetricKind.Rate, 1800, 90, 0.05, null, null, null, null, null, null, null),
                    new Dictionary<string, MetricSummary>()
                ),
                Trend(MetricNames.HttpReqDuration, 10, 20, 30, 40, 1000),
                new(
                    MetricNames.Vus,
                    "gauge",
                    "",
                    new MetricSummary(MetricKind.Gauge, 3, 3, null, 10, 50, 30, 30, 50, 50, 50),
                    new Dictionary<string, MetricSummary>(),
                    [
                        new SecondPoint(Start.ToUnixTimeSeconds() + 1, 1, 10, 10, 1),
                        new SecondPoint(Start.ToUnixTimeSeconds() + 5, 1, 50, 50, 1),
                    ]
                ),
            ]
        )
        {
            Load = new LoadPlanResult("constant-arrival-rate", 20_000, 100, 2000, null, 50, null),
        };

        var section = WebUtility.HtmlDecode(Section(Render(load), "load"));

        Assert.That(section, Does.Contain("<h3>crowd (constant-arrival-rate)</h3>"));
        Assert.That(
            section,
            Does.Contain("<td>Iterations per second</td><td>100 (peak)</td><td>90</td>"),
            "1,800 iterations over the planned 20 s"
        );
        Assert.That(section, Does.Contain("<td>Iterations</td><td>2000</td><td>1800</td>"));
        Assert.That(section, Does.Contain("<span class=\"fail\">200</span>"), "dropped iterations stand out");
        Assert.That(section, Does.Contain("<td>at most 50</td><td>peak 50, average 30</td>"));
        Assert.That(section, Does.Contain("<code class=\"metric\">http_req_duration</code></td><td>5</td><td>30 ms</td>"));
        Assert.That(
            section,
            Does.Contain("<code class=\"metric\">dropped_iterations</code></td><td>200</td>")
                .And.Contain("<code class=\"metric\">http_req_failed</code></td><td>90</td><td>5 %</td>")
        );
        Assert.That(section, Does.Contain("<svg class=\"series\"").And.Contain("active VUs"));
    }

    [Test]
    public void Load_NoProbe_NoSection() => Assert.That(Render(), Does.Not.Contain("<section id=\"load\">"));

    [Test]
    public void PageErrors_GroupsRepeatsAcrossParticipantsWithCountFirstAndLast()
    {
        var browser = new ProbeResult(
            "join",
            "browser",
            "http://app.test/room/1",
            [Counter(MetricNames.BrowserConsoleErrors, 3), Counter(MetricNames.BrowserPageErrors, 1)]
        )
        {
            Messages =
            [
                new MessageResult("consoleerror", "teacher", 1, Start.AddSeconds(2), "audio failed", "app.js:10"),
                new MessageResult("consoleerror", "student", 1, Start.AddSeconds(5), "audio failed", "app.js:10"),
                new MessageResult("pageerror", "student", 2, Start.AddSeconds(6), "TypeError: x is undefined", "http://app.test/room/1"),
                new MessageResult("consoleerror", "teacher", 2, Start.AddSeconds(9), "audio failed", "app.js:10"),
            ],
        };

        var section = WebUtility.HtmlDecode(Section(Render(browser), "page-errors"));

        Assert.That(section, Does.Contain("3 console errors, 1 page errors, 0 failed requests"));
        Assert.That(
            section,
            Does.Contain(
                "<td>consoleerror</td><td>join</td><td><code>audio failed</code></td><td><code>app.js:10</code></td><td>3</td><td>+2 s</td><td>+9 s</td><td>teacher, student</td>"
            )
        );
        Assert.That(
            section.IndexOf("audio failed", StringComparison.Ordinal),
            Is.LessThan(section.IndexOf("TypeError", StringComparison.Ordinal)),
            "most frequent first"
        );
    }

    [Test]
    public void WebSocket_ShowsConnectedClientsPerClientHistogramsReconnectTimesAndUnreadMessagesAsText()
    {
        var second = Start.ToUnixTimeSeconds();
        var ws = new ProbeResult(
            "room",
            "websocket",
            "ws://app.test/ws",
            [
                Counter(MetricNames.WsMsgsReceived, 30, new SecondPoint(second, 10, 10, 1, 10), new SecondPoint(second + 1, 20, 20, 1, 20)),
                new(
                    MetricNames.WsConnecting,
                    "trend",
                    "ms",
                    MetricSummary.From(MetricKind.Trend, [5, 5, 5], TimeSpan.FromSeconds(20)),
                    new Dictionary<string, MetricSummary>(),
                    [new SecondPoint(second, 3, 15, 5, 3)]
                ),
                Counter(MetricNames.WsDisconnects, 1, new SecondPoint(second + 2, 1, 1, 1, 1)),
                Trend(MetricNames.WsReconnectTime, 100, 200, 300, 400, 5000),
            ]
        )
        {
            WebSocket = new WebSocketDetails(
                [new(0, 10, 0, 0, 0, 0, 0), new(1, 10, 3, 0, 1, 1, 1), new(2, 10, 9, 0, 0, 0, 0)],
                7,
                ["<script>window.__pwned=1</script>\"><img src=x onerror=alert(1)>"]
            ),
        };

        var html = Render(ws);
        var section = Section(html, "websocket");

        Assert.That(section, Does.Contain("connected clients").And.Contain("messages received per second"));
        Assert.That(
            WebUtility.HtmlDecode(section),
            Does.Contain("aria-label=\"messages lost per client: 0: 1, 1: 0, 2–3: 1, 4–7: 0, 8–15: 1\""),
            "doubling buckets, empty ones kept"
        );
        Assert.That(WebUtility.HtmlDecode(section), Does.Contain("2 of 3 clients; most: client 2 with 9"));
        Assert.That(
            WebUtility.HtmlDecode(section),
            Does.Contain("<td>all</td><td>5</td><td>100 ms</td><td>300 ms</td>"),
            "reconnect time distribution: count, min, p50"
        );
        Assert.That(WebUtility.HtmlDecode(section), Does.Contain("7 stream messages could not be read"));
        Assert.That(
            section,
            Does.Contain("&lt;script&gt;window.__pwned=1&lt;/script&gt;").And.Not.Contain("<script").And.Not.Contain("<img")
        );
    }

    [Test]
    public void Browser_StepsShowRunsFailuresAndDurationPercentilesAndHowToOpenATrace()
    {
        var browser = new ProbeResult("join", "browser", "http://app.test/room/1", [])
        {
            Iterations = Enumerable
                .Range(1, 4)
                .Select(i => new IterationResult(
                    "teacher",
                    i,
                    Start,
                    1000,
                    i != 4,
                    null,
                    [
                        new StepResult(0, "goto", "goto /room/1", "passed", 100 * i, null),
                        new StepResult(1, "expect_visible", "expect_visible #connected", i == 4 ? "failed" : "passed", 50, null),
                    ]
                ))
                .ToList(),
            Artifacts = [new ArtifactResult("trace", "artifacts/join/teacher/i0004-trace.zip", "teacher", 4, null)],
        };

        var section = WebUtility.HtmlDecode(Section(Render(browser), "browser"));

        Assert.That(
            section,
            Does.Contain(
                "<td>teacher</td><td>1</td><td>goto /room/1</td><td>4</td><td>0</td><td>0</td><td>250 ms</td><td>385 ms</td><td>400 ms</td>"
            )
        );
        Assert.That(
            section,
            Does.Contain("<tr class=\"failed\"><td>teacher</td><td>2</td><td>expect_visible #connected</td><td>4</td><td>1</td>")
        );
        Assert.That(
            section,
            Does.Contain("npx playwright show-trace PATH").And.Contain("works offline").And.Contain("trace.playwright.dev")
        );
    }

    [TestCase(0, 0)]
    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 2)]
    [TestCase(4, 3)]
    [TestCase(7, 3)]
    [TestCase(8, 4)]
    [TestCase(1000, 10)]
    public void Histogram_Bucket_Doubles(long value, int bucket) => Assert.That(Histogram.Bucket(value), Is.EqualTo(bucket));

    [Test]
    public void PerSecond_Connected_IsOpensMinusDisconnectsSoFar()
    {
        var results = ReportFixtures.Results() with { FinishedAt = Start.AddSeconds(4) };
        var second = Start.ToUnixTimeSeconds();
        var connecting = Trend(MetricNames.WsConnecting) with
        {
            Timeline = [new SecondPoint(second, 5, 50, 10, 5), new SecondPoint(second + 2, 2, 20, 10, 2)],
        };
        var disconnects = Counter(
            MetricNames.WsDisconnects,
            4,
            new SecondPoint(second + 1, 1, 3, 3, 1),
            new SecondPoint(second + 3, 1, 1, 1, 1)
        );

        var connected = PerSecond.Connected(connecting, disconnects, results).Select(p => p.Value);

        Assert.That(connected, Is.EqualTo(new double[] { 5, 2, 4, 3 }), "one point per second the run touched");
    }

    [Test]
    public void SeriesChart_LongSeries_IsBoundedTo600Points()
    {
        var points = Enumerable.Range(0, 3600).Select(s => (s + 0.5, (double)s)).ToList();

        var bounded = SeriesChart.Bound(points);

        Assert.That(bounded, Has.Count.EqualTo(600));
        Assert.That(bounded[0].Value, Is.EqualTo(2.5).Within(1e-9), "a bucket is the mean of its six seconds");
    }
}
