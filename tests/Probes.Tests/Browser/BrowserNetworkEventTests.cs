using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using Probes.Tests.Support;

namespace Probes.Tests.Browser;

/// <summary>
/// <see cref="BrowserProbe.Network"/> changes the network of pages that are already open (what a scenario's
/// browser_network event does mid-phase), against LiveRoom in a real Chromium.
/// </summary>
[Category("Browser")]
public sealed class BrowserNetworkEventTests : BrowserFixture
{
    // Re-evaluated every 100 ms by the evaluate step until it returns the expected value.
    private const string FetchOutcome = "fetch('/healthz', { cache: 'no-store' }).then(() => 'online', () => 'offline')";
    private const string SlowFetch =
        "(async () => { const t = performance.now(); await fetch('/healthz', { cache: 'no-store' }); return performance.now() - t >= 450; })()";

    // Fetches for 3 s; true when every one succeeded: the participant the change did not name keeps its network.
    private const string StaysOnline = """
        (async () => {
          const end = performance.now() + 3000;
          while (performance.now() < end) {
            try { await fetch('/healthz', { cache: 'no-store' }); } catch { return false; }
            await new Promise(r => setTimeout(r, 100));
          }
          return true;
        })()
        """;

    private async Task<(BrowserProbe Probe, int Changed)> RunWithChangeAsync(
        BrowserProbeOptions options,
        string participant,
        NetworkConditions conditions,
        int liveParticipants
    )
    {
        using var cts = Timeouts.Bounded(90);
        var probe = new BrowserProbe(options with { StepTimeout = TimeSpan.FromSeconds(20) }, Pool);
        await using var run = ProbeRun.Start(probe, Routes);
        // Every participant has loaded its page (its goto step finished): the pages are live.
        await run.Sink.WaitForAsync(MetricNames.BrowserStepDuration, liveParticipants, cts.Token);

        var changed = await probe.Network.ApplyAsync(participant, conditions);

        await run.Task.WaitAsync(cts.Token);
        return (probe, changed);
    }

    [Test]
    public async Task Offline_OnALivePage_MakesItsNextFetchFail_AndSparesTheOtherParticipant()
    {
        var options = Options() with
        {
            Participants =
            [
                new BrowserParticipant("teacher") { Steps = [new GotoStep("/room/net-1"), EvaluateStep.Expecting(StaysOnline, true)] },
                new BrowserParticipant("student")
                {
                    Steps = [new GotoStep("/room/net-1"), EvaluateStep.Expecting(FetchOutcome, "offline")],
                },
            ],
        };

        var (probe, changed) = await RunWithChangeAsync(options, "student", new NetworkConditions { Offline = true }, liveParticipants: 2);

        var steps = probe.Report.Iterations.ToDictionary(i => i.Participant, i => i.Steps);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.EqualTo(1), "one live page was the student's");
            Assert.That(
                steps["student"][1].Outcome,
                Is.EqualTo(StepOutcome.Passed),
                $"a fetch failed once the student went offline: {steps["student"][1].Error}"
            );
            Assert.That(
                steps["teacher"][1].Outcome,
                Is.EqualTo(StepOutcome.Passed),
                $"the teacher's fetches kept working: {steps["teacher"][1].Error}"
            );
            Assert.That(probe.Network.ConditionsFor("student")!.Offline, Is.True);
        }
    }

    [Test]
    public async Task Latency_OnALivePage_SlowsItsRequests()
    {
        var options = Options(new GotoStep("/room/net-2"), EvaluateStep.Expecting(SlowFetch, true));

        var (probe, changed) = await RunWithChangeAsync(
            options,
            "main",
            new NetworkConditions { Latency = TimeSpan.FromMilliseconds(600) },
            liveParticipants: 1
        );

        var evaluate = probe.Report.Iterations.Single().Steps[1];
        Assert.That(changed, Is.EqualTo(1));
        Assert.That(evaluate.Outcome, Is.EqualTo(StepOutcome.Passed), $"a fetch took at least 450 ms after the change: {evaluate.Error}");
    }
}
