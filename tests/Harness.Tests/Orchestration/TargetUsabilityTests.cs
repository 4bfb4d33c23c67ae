using Harness.Metrics;
using Harness.Orchestration;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Orchestration;

/// <summary>
/// The verdict on a dead target, through ResultsBuilder: a probe with attempts and no success in a phase where
/// nothing impaired its path ends the run as an error; impaired phases and legitimately idle probes do not.
/// </summary>
public sealed class TargetUsabilityTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Scenario Load(string yaml)
    {
        var loaded = ScenarioLoader.LoadText(yaml, "/tmp/dead.yaml", "dead.yaml");
        Assert.That(loaded.Diagnostics, Is.Empty, string.Join("\n", loaded.Diagnostics));
        return loaded.Scenario!;
    }

    private const string Http = """
        name: dead
        target: { allow_hosts: [127.0.0.1, app.test] }
        network:
          proxies: [ { name: edge, upstream: "127.0.0.1:5999", hosts: [app.test] } ]
        timeline:
          - { phase: baseline, duration: 5s }
          - phase: partition
            duration: 5s
            events: [ { at: 0s, disable: edge } ]
          - { phase: still-down, duration: 5s }
        probes: [ { http: { name: api, url: "http://app.test/", every: 500ms, timeout: 1s } } ]
        thresholds:
          api: [ "http_req_duration p(95) < 700ms" ]
        """;

    private static RunResults Build(Scenario scenario, MetricStore store, params (string Name, double Seconds)[] phases)
    {
        var state = new RunState(scenario, 1, "r", new RunOptions("/tmp", null, null, "cmd"), Start) { Status = RunStatus.Passed };
        var at = Start;
        foreach (var (name, seconds) in phases)
        {
            state.Phases.Add(new PhaseResult(name, at, at.AddSeconds(seconds), seconds * 1000, []));
            at = at.AddSeconds(seconds);
        }
        state.Proxies.Add(new ProxyResult("edge", "harness-edge", "127.0.0.1:4000", "127.0.0.1:5999", ["app.test"], null, []));
        return ResultsBuilder.Build(state, store, new ProbeGroup(_ => { }), "/tmp/dead-report", at);
    }

    private static void Request(MetricStore store, string phase, string? error, double ms = 2)
    {
        var extra = new Dictionary<string, string> { ["expected_response"] = error is null ? "true" : "false" };
        var tags = new SampleTags("api", phase, extra);
        if (error is not null)
            tags = tags.With("error", error);
        store.Add(new Sample(MetricNames.HttpReqs, 1, Start, tags));
        store.Add(new Sample(MetricNames.HttpReqDuration, ms, Start, tags));
        store.Add(new Sample(MetricNames.HttpReqFailed, error is null ? 0 : 1, Start, tags));
        if (error is null)
            return;
        store.Errors.Add(new ProbeError(MetricNames.HttpReqFailed, error, "Connection refused (127.0.0.1:5999)", Start, tags));
    }

    [Test]
    public void EveryRequestRefusedInAnUnimpairedPhase_ErrorExitThreeNamingTheTarget()
    {
        var store = new MetricStore();
        for (var i = 0; i < 10; i++)
            Request(store, "baseline", "refused");

        var results = Build(Load(Http), store, ("baseline", 5));

        Assert.That((results.Status, results.ExitCode), Is.EqualTo((RunStatus.Error, 3)));
        Assert.That(
            results.Errors,
            Is.EqualTo(
                new[]
                {
                    "target unusable: probe api: 10/10 requests refused by app.test (via proxy edge to 127.0.0.1:5999) in phase baseline",
                }
            )
        );
    }

    [Test]
    public void MixedClasses_ListedWithCounts()
    {
        var store = new MetricStore();
        for (var i = 0; i < 8; i++)
            Request(store, "baseline", "refused");
        for (var i = 0; i < 2; i++)
            Request(store, "baseline", "timeout");

        var results = Build(Load(Http), store, ("baseline", 5));

        Assert.That(results.Errors.Single(), Does.Contain("10/10 requests failed (refused 8, timeout 2) against app.test"));
    }

    [Test]
    public void FailuresOnlyWhileThePathIsImpaired_AndUntilItIsEnabledAgain_NotUnusable()
    {
        var store = new MetricStore();
        for (var i = 0; i < 10; i++)
            Request(store, "baseline", null);
        for (var i = 0; i < 10; i++)
            Request(store, "partition", "refused");
        for (var i = 0; i < 10; i++)
            Request(store, "still-down", "refused");

        var results = Build(Load(Http), store, ("baseline", 5), ("partition", 5), ("still-down", 5));

        Assert.That(results.Status, Is.EqualTo(RunStatus.Passed), string.Join("\n", results.Errors));
    }

    [Test]
    public void SomeRequestsSucceed_NotUnusable_TheThresholdsDecide()
    {
        var store = new MetricStore();
        Request(store, "baseline", null);
        for (var i = 0; i < 9; i++)
            Request(store, "baseline", "status_503");

        var results = Build(Load(Http), store, ("baseline", 5));

        Assert.That(results.Status, Is.EqualTo(RunStatus.Passed));
    }

    [TestCase("status_404")]
    [TestCase("status_503")]
    [TestCase("check")]
    [TestCase("handshake_503")]
    public void TargetAnsweredEveryRequestWrongly_NotUnusable_TheThresholdsDecide(string error)
    {
        // A target that answers (even 404 or 503 every time) is alive: what it answered is the thresholds' matter.
        var store = new MetricStore();
        for (var i = 0; i < 10; i++)
            Request(store, "baseline", error);

        var results = Build(Load(Http), store, ("baseline", 5));

        Assert.That(results.Errors, Is.Empty);
        Assert.That(results.Status, Is.Not.EqualTo(RunStatus.Error));
    }

    [Test]
    public void AnsweredAndRefusedMixed_WithoutSuccess_NotUnusable()
    {
        var store = new MetricStore();
        for (var i = 0; i < 5; i++)
            Request(store, "baseline", "refused");
        Request(store, "baseline", "status_500");

        var results = Build(Load(Http), store, ("baseline", 5));

        Assert.That(results.Status, Is.Not.EqualTo(RunStatus.Error), string.Join("\n", results.Errors));
    }

    [Test]
    public void HttpProbeWithoutAnyRequest_InAPhaseLongEnoughForOne_Unusable()
    {
        var store = new MetricStore();
        Request(store, "baseline", null);

        var results = Build(Load(Http), store, ("baseline", 5), ("idle", 5));

        Assert.That(results.Status, Is.EqualTo(RunStatus.Error));
        Assert.That(results.Errors.Single(), Is.EqualTo("target unusable: probe api: no request in phase idle (5 s, one every 0.5 s)"));
    }

    [Test]
    public void HttpProbeWithoutAnyRequest_InAPhaseShorterThanIntervalPlusTimeout_NotUnusable()
    {
        var store = new MetricStore();
        Request(store, "baseline", null);

        var results = Build(Load(Http), store, ("baseline", 5), ("blip", 2));

        Assert.That(results.Status, Is.EqualTo(RunStatus.Passed), string.Join("\n", results.Errors));
    }

    [Test]
    public void WebSocketConnectedEarlierAndQuietLater_NotUnusable()
    {
        var scenario = Load(
            """
            name: ws
            target: { allow_hosts: [127.0.0.1] }
            timeline: [ { phase: a, duration: 5s }, { phase: b, duration: 5s } ]
            probes: [ { websocket: { name: room, url: "ws://127.0.0.1:5999/ws" } } ]
            """
        );
        var store = new MetricStore();
        store.Add(new Sample(MetricNames.WsConnecting, 3, Start, new SampleTags("room", "a")));

        var results = Build(scenario, store, ("a", 5), ("b", 5));

        Assert.That(results.Status, Is.EqualTo(RunStatus.Passed), string.Join("\n", results.Errors));
    }

    [Test]
    public void WebSocketConnectsAllRefused_Unusable()
    {
        var scenario = Load(
            """
            name: ws
            target: { allow_hosts: [127.0.0.1] }
            timeline: [ { phase: a, duration: 5s } ]
            probes: [ { websocket: { name: room, url: "ws://127.0.0.1:5999/ws" } } ]
            """
        );
        var store = new MetricStore();
        var tags = new SampleTags("room", "a", new Dictionary<string, string> { ["error"] = "refused" });
        for (var i = 0; i < 4; i++)
        {
            store.Add(new Sample(MetricNames.WsHandshakeFailed, 1, Start, tags));
            store.Errors.Add(new ProbeError(MetricNames.WsHandshakeFailed, "refused", "Connection refused (127.0.0.1:5999)", Start, tags));
        }

        var results = Build(scenario, store, ("a", 5));

        Assert.That(
            results.Errors.Single(),
            Is.EqualTo("target unusable: probe room: 4/4 connection attempts refused by 127.0.0.1:5999 in phase a")
        );
    }
}
