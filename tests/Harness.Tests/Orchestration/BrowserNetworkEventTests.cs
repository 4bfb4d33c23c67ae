using Harness.Orchestration;
using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using Harness.Reports.Model;
using Harness.Scenarios.Model;
using Harness.TestSupport;

namespace Harness.Tests.Orchestration;

/// <summary>
/// A browser_network event reaches the browser probe's network handle at its offset and is recorded like the other events.
/// </summary>
public sealed class BrowserNetworkEventTests
{
    private static readonly NetworkConditions Slow = new() { Latency = TimeSpan.FromMilliseconds(400), DownloadBytesPerSecond = 62_000 };

    private static BrowserProbe Probe(string name) =>
        new(
            new BrowserProbeOptions(name, new Uri("http://app.test/"))
            {
                Participants = [new BrowserParticipant("teacher"), new BrowserParticipant("student") { Count = 2 }],
                Steps = [new GotoStep("/")],
            }
        );

    private static async Task<List<EventResult>> RunAsync(
        IReadOnlyDictionary<string, IProbe> probes,
        List<string> progress,
        params PhaseEventSpec[] events
    )
    {
        var time = new ManualTimeProvider();
        var session = new ImpairmentSession(new FakeToxiproxyClient(), "run-", _ => { });
        var phase = new PhaseSpec("degraded", TimeSpan.FromSeconds(4), [], events);
        var log = new List<EventResult>();
        using var phaseEnd = new CancellationTokenSource();
        var run = new PhaseEvents(time, session, progress.Add, probes).RunAsync(phase, time.GetUtcNow(), log, phaseEnd.Token);
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (!run.IsCompleted && bound.Elapsed < TimeSpan.FromSeconds(30))
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        return log;
    }

    [Test]
    public async Task Event_ChangesTheNamedParticipantAtItsOffset_AndIsRecorded()
    {
        var join = Probe("join");
        var progress = new List<string>();

        var log = await RunAsync(
            new Dictionary<string, IProbe> { ["join"] = join },
            progress,
            new PhaseEventSpec(TimeSpan.FromSeconds(1), new BrowserNetworkAction("join", "student", Slow) { Profile = "slow-3g" })
        );

        using (Assert.EnterMultipleScope())
        {
            Assert.That(join.Network.ConditionsFor("student-1"), Is.EqualTo(Slow));
            Assert.That(join.Network.ConditionsFor("student-2"), Is.EqualTo(Slow));
            Assert.That(join.Network.ConditionsFor("teacher"), Is.Null);
            var fired = log.Single();
            Assert.That(
                (fired.Phase, fired.AtMs, fired.Action),
                Is.EqualTo(("degraded", 1000.0, "browser network of join/student: profile slow-3g, latency 400ms, download 62KB/s"))
            );
            Assert.That(
                progress,
                Has.Some.EqualTo("browser network changed on 0 live page(s) of join"),
                "no page is open; the next ones take the change"
            );
        }
    }

    [Test]
    public async Task Event_WithoutProbeOrParticipant_ReachesEveryBrowserProbe_AndResetUndoesIt()
    {
        var (a, b) = (Probe("a"), Probe("b"));
        var probes = new Dictionary<string, IProbe> { ["a"] = a, ["b"] = b };

        await RunAsync(probes, [], new PhaseEventSpec(TimeSpan.Zero, new BrowserNetworkAction(null, null, Slow)));
        var changed = (a.Network.ConditionsFor("teacher"), b.Network.ConditionsFor("student-2"));
        await RunAsync(probes, [], new PhaseEventSpec(TimeSpan.Zero, new BrowserNetworkAction(null, null, null)));

        Assert.That(changed, Is.EqualTo((Slow, Slow)));
        Assert.That(
            (a.Network.ConditionsFor("teacher"), b.Network.ConditionsFor("student-2")),
            Is.EqualTo(((NetworkConditions?)null, (NetworkConditions?)null))
        );
    }

    [Test]
    public async Task Event_ForOneProbe_LeavesTheOtherAlone()
    {
        var (a, b) = (Probe("a"), Probe("b"));

        await RunAsync(
            new Dictionary<string, IProbe> { ["a"] = a, ["b"] = b },
            [],
            new PhaseEventSpec(TimeSpan.Zero, new BrowserNetworkAction("b", "teacher", Slow))
        );

        Assert.That((a.Network.ConditionsFor("teacher"), b.Network.ConditionsFor("teacher")), Is.EqualTo(((NetworkConditions?)null, Slow)));
    }
}
