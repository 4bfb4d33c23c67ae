using System.Net;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Html;
using Harness.Reports.Markdown;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

/// <summary>ws_recovery_time, ws_never_reconnected and ws_disconnected in index.html and summary.md.</summary>
public sealed class RecoveryReportTests
{
    private static MetricResult Metric(string name, MetricSummary all, params SecondPoint[] timeline) =>
        new(
            name,
            MetricNames.All[name].Kind.ToString().ToLowerInvariant(),
            MetricNames.All[name].Unit,
            all,
            new Dictionary<string, MetricSummary>(),
            timeline
        );

    private static RunResults Storm(bool withRecovery)
    {
        var second = ReportFixtures.Start.ToUnixTimeSeconds();
        List<MetricResult> metrics =
        [
            Metric(
                MetricNames.WsHandshakeFailed,
                new MetricSummary(MetricKind.Counter, 2891, 2891, null, null, null, null, null, null, null, null)
            ),
        ];
        if (withRecovery)
        {
            metrics.Add(Metric(MetricNames.WsRecoveryTime, MetricSummary.From(MetricKind.Trend, [24903], TimeSpan.FromSeconds(40))));
            metrics.Add(
                Metric(
                    MetricNames.WsNeverReconnected,
                    new MetricSummary(MetricKind.Counter, 203, 203, null, null, null, null, null, null, null, null)
                )
            );
            metrics.Add(
                Metric(
                    MetricNames.WsDisconnected,
                    MetricSummary.From(MetricKind.Gauge, [0, 300, 203], TimeSpan.FromSeconds(40)),
                    new SecondPoint(second + 1, 1, 300, 300, 1),
                    new SecondPoint(second + 5, 1, 203, 203, 1)
                )
            );
        }
        var results = ReportFixtures.Results(failing: false);
        return results with { Probes = [.. results.Probes, new ProbeResult("crowd", "websocket", "ws://app.test/ws", metrics)] };
    }

    [Test]
    public void Html_ProbeThatDropped_ShowsEpisodesRecoveryNeverReconnectedAndAwayChart()
    {
        var html = WebUtility.HtmlDecode(HtmlReport.Render(Storm(withRecovery: true)));

        Assert.That(html, Does.Contain("<section id=\"ws-recovery\">"));
        Assert.That(html, Does.Contain("<td>crowd</td><td>1</td><td>24.9 s</td><td>24.9 s</td><td>203</td><td>300</td><td>2891</td>"));
        Assert.That(html, Does.Contain("crowd: clients away (ws_disconnected)"));
    }

    [Test]
    public void Html_NoDrops_NoSection() =>
        Assert.That(HtmlReport.Render(Storm(withRecovery: false)), Does.Not.Contain("<section id=\"ws-recovery\">"));

    [Test]
    public void Summary_ProbeThatDropped_HasARecoveryFinding()
    {
        var md = SummaryMarkdown.Render(Storm(withRecovery: true));

        Assert.That(
            md,
            Does.Contain("websocket **crowd** recovery: 1 drop episode, longest recovery 24.9 s (until the run's end)")
                .And.Contain("203 never reconnected; at most 300 away at once; 2891 failed handshakes")
        );
    }
}
