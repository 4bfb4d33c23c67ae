using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports;
using Harness.Reports.Analysis;
using Harness.Reports.Html;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

/// <summary>Attribution uses the bytes each proxy carried per phase: a page's WebSocket proxy is not "unrouted".</summary>
public sealed class ImpairmentAttributionTests
{
    private static RunResults PageWithWebSocketOnSecondProxy(bool withBytes)
    {
        var r = ReportFixtures.Results();
        var start = ReportFixtures.Start;
        var wsLatency = new ToxicResult(
            "ws",
            "latency_downstream",
            "latency",
            "downstream",
            1,
            new Dictionary<string, long> { ["latency"] = 400, ["jitter"] = 0 }
        );
        var browser = new ProbeResult(
            "join",
            "browser",
            "http://app.test/room/1",
            [SectionFixtures.Metric(MetricNames.BrowserLoad, MetricKind.Trend, [100, 941], baseline: [100], slow: [941])]
        );
        IReadOnlyDictionary<string, long>? Bytes(long baseline, long slow) =>
            withBytes ? new Dictionary<string, long> { ["baseline"] = baseline, ["slow"] = slow } : null;
        return r with
        {
            Proxies =
            [
                new ProxyResult("edge", "harness-x-edge", "127.0.0.1:4000", "127.0.0.1:5000", ["app.test"], null, [])
                {
                    PhaseBytes = Bytes(40_000, 42_000),
                },
                new ProxyResult("ws", "harness-x-ws", "127.0.0.1:4001", "127.0.0.1:5001", ["ws.app.test"], null, [])
                {
                    PhaseBytes = Bytes(3_000, 2_500_000),
                },
                new ProxyResult("spare", "harness-x-spare", "127.0.0.1:4002", "127.0.0.1:5002", ["spare.app.test"], null, [])
                {
                    PhaseBytes = Bytes(0, 0),
                },
            ],
            Phases = [r.Phases[0], r.Phases[1] with { Toxics = [wsLatency] }],
            Probes = [browser],
        };
    }

    [Test]
    public void Rows_ProxyThatCarriedBytes_ListsThePageProbe()
    {
        var rows = ImpairmentAnalysis.Rows(PageWithWebSocketOnSecondProxy(withBytes: true));

        var ws = rows.Single(row => row.Configured.Proxy == "ws" && row.Configured.Phase == "slow");
        Assert.That(
            ws.Achieved.Select(a => (a.Probe, a.Metric, a.ExpectedAddedMs, a.AchievedAddedMs)),
            Is.EqualTo(new[] { ("join", MetricNames.BrowserLoad, (double?)400, (double?)841) })
        );
        Assert.That(ws.Bytes, Is.EqualTo(2_500_000));
        var spare = rows.Single(row => row.Configured.Proxy == "spare" && row.Configured.Phase == "slow");
        Assert.That(spare.Achieved, Is.Empty);
        Assert.That(spare.Bytes, Is.Zero);
    }

    [Test]
    public void Html_ProxyThatCarriedBytes_IsNotCalledUnrouted()
    {
        var html = System.Net.WebUtility.HtmlDecode(HtmlReport.Render(PageWithWebSocketOnSecondProxy(withBytes: true)));
        var section = html[html.IndexOf("<section id=\"impairment\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];

        Assert.That(section, Does.Contain("<td>ws</td><td>slow</td>"));
        Assert.That(
            section,
            Does.Contain("<td>join · browser_load (also through edge)</td><td>round trip</td><td>400 ms</td><td>+841 ms</td>")
        );
        Assert.That(section, Does.Contain("2.4 MB"));
        Assert.That(
            section.Split("no probe routed through it").Length - 1,
            Is.EqualTo(2),
            "only the proxy that carried nothing, in both phases"
        );
    }

    [Test]
    public void Rows_WithoutByteCounters_FallBackToTheProbeUrlHost()
    {
        var rows = ImpairmentAnalysis.Rows(PageWithWebSocketOnSecondProxy(withBytes: false));

        Assert.That(
            rows.Single(row => row.Configured.Proxy == "edge" && row.Configured.Phase == "slow").Achieved.Single().Probe,
            Is.EqualTo("join")
        );
        Assert.That(rows.Single(row => row.Configured.Proxy == "ws" && row.Configured.Phase == "slow").Achieved, Is.Empty);
        Assert.That(rows.Single(row => row.Configured.Proxy == "ws" && row.Configured.Phase == "slow").Bytes, Is.Null);
    }
}
