using Harness.Orchestration;
using Harness.Scenarios.Loading;
using Harness.TestSupport;

namespace Harness.Tests.Orchestration;

/// <summary>
/// The connection-phase toxics of the embedded server (refuse, hang, slow_open, cut_after, noop) are accepted in a
/// timeline and really applied: an HTTP probe through the proxy sees each one's effect in its own phase (slow_open: the next
/// response on the open connection waits the delay, never less, and well under the probe's 1 s timeout).
/// </summary>
public sealed class ConnectionToxicRunTests
{
    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("harness-toxics-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    // hang comes last: removing it closes the connections it holds and the HTTP client retries their requests at once,
    // which would succeed in the moment before the next phase's toxic is added; after the last phase the probe has stopped.
    [Test]
    public async Task RunAsync_EachConnectionToxic_ShowsItsEffectInItsPhase()
    {
        await using var upstream = new HttpEchoServer();
        var results = await RunAsync(
            upstream,
            """
              - { phase: clean, duration: 1500ms, toxics: [ { proxy: edge, type: noop } ] }
              - { phase: slow, duration: 1500ms, toxics: [ { proxy: edge, type: slow_open, stream: downstream, delay: 400ms } ] }
              - phase: refused
                duration: 1500ms
                toxics: [ { proxy: edge, type: refuse, rst: 1 } ]
                events: [ { at: 0s, reset_connections: edge } ]
              - phase: cut
                duration: 1500ms
                toxics: [ { proxy: edge, type: cut_after, after: 0ms, rst: 1 } ]
              - phase: hung
                duration: 1500ms
                toxics: [ { proxy: edge, type: hang } ]
                events: [ { at: 0s, reset_connections: edge } ]
            """,
            """
                - "http_req_failed{phase:clean} rate == 0%"
                - "http_req_failed{phase:refused} rate == 100%"
                - "http_req_failed{phase:hung} rate == 100%"
                - "http_req_duration{phase:slow} max >= 400ms"
                - "http_req_duration{phase:slow} max < 1000ms"
                - "http_req_failed{phase:cut} rate == 100%"
            """
        );

        Assert.That(results.Thresholds.Where(t => !t.Passed).Select(t => $"{t.Expression}: {t.Detail}"), Is.Empty);
        Assert.That(results.Thresholds, Has.Count.EqualTo(6));
    }

    private async Task<Harness.Reports.Model.RunResults> RunAsync(HttpEchoServer upstream, string timeline, string thresholds)
    {
        var yaml = $$"""
            name: connection-toxics
            target: { base_url: "http://echo.test", allow_hosts: [echo.test, 127.0.0.1] }
            network: { proxies: [ { name: edge, upstream: "127.0.0.1:{{upstream.BaseUri.Port}}", hosts: [echo.test] } ] }
            timeline:
            {{timeline}}
            probes: [ { http: { name: api, url: /, every: 100ms, timeout: 1s } } ]
            thresholds:
              api:
            {{thresholds}}
            """;
        var load = ScenarioLoader.LoadText(yaml, Path.Combine(_root, "s.yaml"), "s.yaml");
        Assert.That(load.Diagnostics.Select(d => d.ToString()), Is.Empty);
        var directory = Path.Combine(_root, "run");
        Directory.CreateDirectory(directory);
        var options = new RunOptions(_root, 7, null, "harness run s.yaml")
        {
            Placement = new ReportPlacement(directory, "run-1", Path.Combine(_root, "history.db")),
        };
        var outcome = await new ScenarioRunner(TimeProvider.System, _ => { }).RunAsync(load.Scenario!, options, CancellationToken.None);
        return outcome.Results;
    }
}
