using Harness.Orchestration;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;
using Harness.Scenarios.Model;
using Harness.TestSupport;

namespace Harness.Tests.Orchestration;

public sealed class TimelineTests
{
    private static Scenario Scenario() =>
        new(
            "t",
            null,
            [],
            1,
            "/tmp/t.yaml",
            new TargetSpec(null, []),
            [],
            new NetworkSpec(null, [new ProxySpec("edge", null, "127.0.0.1:5000", "127.0.0.1:0", ["app.test"])]),
            [
                new PhaseSpec("baseline", TimeSpan.FromSeconds(10), []),
                new PhaseSpec(
                    "slow",
                    TimeSpan.FromSeconds(5),
                    [
                        new ToxicSpec(
                            "edge",
                            "latency_downstream",
                            "latency",
                            ToxicDirection.Downstream,
                            1,
                            new Dictionary<string, long> { ["latency"] = 200, ["jitter"] = 0 }
                        ),
                    ]
                ),
                new PhaseSpec("recovery", TimeSpan.FromSeconds(5), []),
            ],
            [],
            []
        );

    [Test]
    public async Task RunAsync_AppliesEachPhasesToxicsBeforeEnteringItAndRemovesThemAfter()
    {
        var time = new ManualTimeProvider();
        var client = new FakeToxiproxyClient();
        var session = new ImpairmentSession(client, "run-", _ => { });
        var scenario = Scenario();
        await session.CreateProxiesAsync(scenario.Network.Proxies, new Dictionary<string, LaunchedService>(), CancellationToken.None);
        var clock = new PhaseClock("baseline");
        var state = new RunState(scenario, 1, "r", new RunOptions("/tmp", null, null, "cmd"), time.GetUtcNow());
        var phasesSeen = new List<string>();
        var timeline = new Timeline(time, session, clock, new ProbeGroup(_ => { }), message =>
        {
            if (message.StartsWith("phase", StringComparison.Ordinal))
                phasesSeen.Add(
                    $"{message} | toxics: {string.Join(";", client.Calls.Where(c => c.StartsWith("add", StringComparison.Ordinal) || c.StartsWith("remove", StringComparison.Ordinal)))}"
                );
        });

        var run = timeline.RunAsync(
            scenario,
            new ProbeContext(new Harness.Metrics.MetricStore(), clock, time, HostRoutes.None),
            state,
            CancellationToken.None
        );
        // Drive fake time until the timeline finishes; bounded in real time, never sleeping.
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (!run.IsCompleted && bound.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (!time.TryAdvanceToNextTimer())
                await Task.Yield();
        }
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(
            client.Calls,
            Is.EqualTo(
                new[]
                {
                    "create run-edge -> 127.0.0.1:5000",
                    "add run-edge/latency_downstream latency=200,jitter=0",
                    "remove run-edge/latency_downstream",
                }
            )
        );
        Assert.That(
            phasesSeen[1],
            Does.StartWith("phase slow").And.EndWith("toxics: add run-edge/latency_downstream latency=200,jitter=0")
        );
        Assert.That(
            state.Phases.Select(p => (p.Name, p.DurationMs)),
            Is.EqualTo(new[] { ("baseline", 10_000.0), ("slow", 5_000.0), ("recovery", 5_000.0) })
        );
        Assert.That(state.Phases[1].Toxics.Single().Attributes["latency"], Is.EqualTo(200));
    }

    [Test]
    public async Task RunAsync_PhaseClockMovesOnlyAfterTheNextPhasesToxicsAreInPlace()
    {
        var time = new ManualTimeProvider();
        var client = new FakeToxiproxyClient();
        var session = new ImpairmentSession(client, "run-", _ => { });
        var scenario = Scenario();
        await session.CreateProxiesAsync(scenario.Network.Proxies, new Dictionary<string, LaunchedService>(), CancellationToken.None);
        var clock = new PhaseClock("baseline");
        var seen = new List<string>();
        client.OnCall = call => seen.Add($"{call} while {clock.Current}");
        var state = new RunState(scenario, 1, "r", new RunOptions("/tmp", null, null, "cmd"), time.GetUtcNow());

        var run = new Timeline(time, session, clock, new ProbeGroup(_ => { }), _ => { }).RunAsync(
            scenario,
            new ProbeContext(new Harness.Metrics.MetricStore(), clock, time, HostRoutes.None),
            state,
            CancellationToken.None
        );
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (!run.IsCompleted && bound.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (!time.TryAdvanceToNextTimer())
                await Task.Yield();
        }
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        // Samples tagged 'slow' must all start with slow's toxics in place, so the clock moves after they are added
        // and before they are removed.
        Assert.That(
            seen,
            Is.EqualTo(
                new[]
                {
                    "add run-edge/latency_downstream latency=200,jitter=0 while baseline",
                    "remove run-edge/latency_downstream while slow",
                }
            )
        );
        Assert.That(clock.Current, Is.EqualTo("recovery"));
    }

    [Test]
    public async Task DisposeAsync_RemovesEverythingTheRunCreated()
    {
        var client = new FakeToxiproxyClient();
        var session = new ImpairmentSession(client, "run-", _ => { });
        var scenario = Scenario();
        await session.CreateProxiesAsync(scenario.Network.Proxies, new Dictionary<string, LaunchedService>(), CancellationToken.None);
        await session.ApplyAsync(scenario.Timeline[1], CancellationToken.None);

        await session.DisposeAsync();

        Assert.That(await client.GetProxiesAsync(), Is.Empty);
        Assert.That(client.Calls[^2..], Is.EqualTo(new[] { "remove run-edge/latency_downstream", "delete run-edge" }));
    }
}
