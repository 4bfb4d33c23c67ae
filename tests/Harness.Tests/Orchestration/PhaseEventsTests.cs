using Harness.Orchestration;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;
using Harness.Scenarios.Model;
using Harness.TestSupport;

namespace Harness.Tests.Orchestration;

public sealed class PhaseEventsTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);
    private static readonly ToxicSpec Latency = new(
        "edge",
        "lag",
        "latency",
        ToxicDirection.Downstream,
        1,
        new Dictionary<string, long> { ["latency"] = 0, ["jitter"] = 0 }
    );

    private static async Task<(FakeToxiproxyClient Client, RunState State)> RunAsync(params PhaseEventSpec[] events)
    {
        var time = new ManualTimeProvider();
        var client = new FakeToxiproxyClient();
        var session = new ImpairmentSession(client, "run-", _ => { });
        var scenario = new Scenario(
            "t",
            null,
            [],
            1,
            "/tmp/t.yaml",
            new TargetSpec(null, []),
            [],
            new NetworkSpec(null, [new ProxySpec("edge", null, "127.0.0.1:5000", "127.0.0.1:0", [])]),
            [new PhaseSpec("storm", TimeSpan.FromSeconds(4), [Latency], events)],
            [],
            []
        );
        await session.CreateProxiesAsync(scenario.Network.Proxies, new Dictionary<string, LaunchedService>(), CancellationToken.None);
        var clock = new PhaseClock("storm");
        var state = new RunState(scenario, 1, "r", new RunOptions("/tmp", null, null, "cmd"), time.GetUtcNow());
        var run = new Timeline(time, session, clock, new ProbeGroup(_ => { }), _ => { }).RunAsync(
            scenario,
            new ProbeContext(new Harness.Metrics.MetricStore(), clock, time, HostRoutes.None),
            state,
            CancellationToken.None
        );
        // Continuations of fired timers may run on the pool after Advance returns, so time moves in small
        // steps and assertions allow one step of slack.
        var bound = System.Diagnostics.Stopwatch.StartNew();
        var end = time.GetUtcNow() + TimeSpan.FromSeconds(4);
        while (!run.IsCompleted && bound.Elapsed < TimeSpan.FromSeconds(30))
        {
            // Never move past the phase's end: lagging continuations would otherwise see a phase that lasts forever.
            if (time.GetUtcNow() < end)
                time.Advance(Step);
            // A real millisecond per 10 ms step lets the pool run the fired timers' continuations before time moves on:
            // with only a yield, a ramp that lagged behind jumped from its first value to its last (seen in CI).
            await Task.Delay(1);
        }
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        return (client, state);
    }

    [Test]
    public async Task ResetConnections_DisablesThenEnablesTheProxyAtItsOffset()
    {
        var (client, state) = await RunAsync(new PhaseEventSpec(TimeSpan.FromSeconds(1), new ResetConnectionsAction("edge")));

        Assert.That(
            client.Calls.Where(c => c.StartsWith("update run-edge ", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "update run-edge enabled=False", "update run-edge enabled=True" })
        );
        var fired = state.Events.Single();
        Assert.That((fired.Phase, fired.AtMs, fired.Action), Is.EqualTo(("storm", 1000.0, "reset every connection of edge")));
        Assert.That(fired.FiredAt - state.Phases[0].StartedAt, Is.EqualTo(TimeSpan.FromSeconds(1)).Within(TimeSpan.FromMilliseconds(100)));
    }

    [Test]
    public async Task Ramp_MovesTheAttributeFromStartToEnd()
    {
        var (client, _) = await RunAsync(
            new PhaseEventSpec(TimeSpan.Zero, new RampAction("edge", "lag", "latency", 0, 300, TimeSpan.FromSeconds(1)))
        );

        var updates = client.Calls.Where(c => c.StartsWith("update run-edge/lag", StringComparison.Ordinal)).ToList();
        Assert.That(updates.First(), Is.EqualTo("update run-edge/lag latency=0"));
        Assert.That(updates.Last(), Is.EqualTo("update run-edge/lag latency=300"));
        Assert.That(updates, Has.Count.InRange(3, 11), "about one update per 100 ms step");
        var values = updates
            .Select(u => int.Parse(u[(u.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.That(values, Is.Ordered.Ascending);
    }

    [Test]
    public async Task Flap_TogglesEachPeriodAndLeavesTheProxyUp()
    {
        var (client, _) = await RunAsync(
            new PhaseEventSpec(TimeSpan.Zero, new FlapAction("edge", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250)))
        );

        var toggles = client.Calls.Where(c => c.StartsWith("update run-edge ", StringComparison.Ordinal)).ToList();
        Assert.That(
            toggles.Count(t => t.EndsWith("False", StringComparison.Ordinal)),
            Is.InRange(4, 5),
            "down once in each of the 4 periods (a 5th may start at the boundary)"
        );
        Assert.That(toggles.Last(), Is.EqualTo("update run-edge enabled=True"));
    }
}
