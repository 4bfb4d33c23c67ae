using Harness.Probes.Browser;
using Harness.Probes.Load;
using Harness.Probes.WebSockets;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

public sealed class ProbeKindsLoadingTests
{
    private static LoadResult Load(string probes, string thresholds = "") =>
        ScenarioLoader.LoadText(
            $$"""
            name: k
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            network:
              proxies: [ { name: edge, upstream: app.test:80, hosts: [app.test] } ]
            timeline: [ { phase: a, duration: 5s } ]
            probes:
            {{probes}}
            {{thresholds}}
            """,
            "/tmp/k.yaml",
            "k.yaml"
        );

    [Test]
    public void BrowserProbe_StepsAndParticipants_AreTyped()
    {
        var result = Load(
            """
              - browser:
                  name: join
                  url: /room/1
                  every: 10s
                  participants: [ { name: teacher, role: teacher, client_version: "2.4", proxy: edge }, { name: student, count: 3 } ]
                  steps:
                    - goto: /room/1
                    - fill: { selector: "#name", value: bob }
                    - wait_for: { selector: "#spinner", state: hidden }
                    - evaluate: { expression: "1 + 1", expected: 2 }
                    - network: { latency: 200ms, download: 500KB/s, offline: false }
                    - expect_visible: "#connected"
                      timeout: 5s
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var browser = (BrowserProbeSpec)result.Scenario!.Probes[0];
        Assert.That(
            browser.Participants,
            Is.EqualTo(
                new[] { new ParticipantSpec("teacher", "teacher", "2.4", "edge", 1), new ParticipantSpec("student", null, null, null, 3) }
            )
        );
        Assert.That(
            browser.Steps.Select(s => s.GetType().Name),
            Is.EqualTo(new[] { "GotoStep", "FillStep", "WaitForStep", "EvaluateStep", "NetworkStep", "ExpectVisibleStep" })
        );
        Assert.That(((WaitForStep)browser.Steps[2]).State, Is.EqualTo(ElementState.Hidden));
        Assert.That(((EvaluateStep)browser.Steps[3]).Expected!.Value.GetInt32(), Is.EqualTo(2));
        Assert.That(((NetworkStep)browser.Steps[4]).Conditions!.DownloadBytesPerSecond, Is.EqualTo(500_000));
        Assert.That(browser.Steps[5].Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void LoadProbe_ArrivalRate_BuildsK6Executor()
    {
        var result = Load(
            """
              - load:
                  name: api
                  executor: ramping-arrival-rate
                  start_rate: 5
                  pre_allocated_vus: 5
                  max_vus: 20
                  stages: [ { duration: 5s, target: 50 }, { duration: 10s, target: 50 } ]
                  http: { url: /api, expect_status: 200 }
            """,
            "thresholds: { api: [ \"http_req_duration p(95) < 300ms\", \"iterations count > 10\" ] }"
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var load = (LoadProbeSpec)result.Scenario!.Probes[0];
        Assert.That(load.Executor, Is.TypeOf<RampingArrivalRate>());
        Assert.That(((RampingArrivalRate)load.Executor).Stages, Has.Count.EqualTo(2));
        Assert.That(load.Http!.Url, Is.EqualTo(new Uri("http://app.test/api")));
    }

    [Test]
    public void WebSocketProbe_ReconnectPolicy_IsRead()
    {
        var result = Load(
            """
              - websocket: { name: ws, url: /ws, clients: 10, ramp: 2s, reconnect: { policy: exponential, delay: 200ms, max_delay: 5s } }
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var ws = (WebSocketProbeSpec)result.Scenario!.Probes[0];
        Assert.That(
            ws.Reconnect,
            Is.EqualTo(
                new WebSocketReconnectOptions
                {
                    Kind = WebSocketReconnectKind.Exponential,
                    Delay = TimeSpan.FromMilliseconds(200),
                    MaxDelay = TimeSpan.FromSeconds(5),
                }
            )
        );
        Assert.That(ws.Ramp, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [TestCase("  - browser: { name: b, steps: [ { clik: \"#x\" } ] }", "unknown key 'clik' (did you mean 'click'?)")]
    [TestCase("  - browser: { name: b, steps: [ { goto: /, participants: 1 } ] }", "unknown key 'participants'")]
    [TestCase(
        "  - browser: { name: b, participants: [ { name: p, proxy: edgy } ], steps: [ { goto: / } ] }",
        "participant proxy 'edgy' is not declared"
    )]
    [TestCase(
        "  - load: { name: l, executor: constant-arival-rate, http: { url: / } }",
        "unknown executor 'constant-arival-rate' (did you mean 'constant-arrival-rate'?)"
    )]
    [TestCase("  - load: { name: l, executor: ramping-vus, http: { url: / } }", "'stages' must list at least one")]
    [TestCase("  - load: { name: l, executor: constant-vus, vus: 2, duration: 5s }", "exactly one iteration kind")]
    [TestCase(
        "  - websocket: { name: w, url: /ws, reconnect: exponentail }",
        "reconnect policy 'exponentail' (did you mean 'exponential'?)"
    )]
    public void Invalid_ReportsLocatedError(string probes, string expected)
    {
        var result = Load(probes);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected).And.All.Match(@"^k\.yaml:\d+:\d+: "));
    }
}
