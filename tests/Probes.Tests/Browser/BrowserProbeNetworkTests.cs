using System.Net;
using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using Harness.TestSupport;
using Probes.Tests.Support;

namespace Probes.Tests.Browser;

[Category("Browser")]
public sealed class BrowserProbeNetworkTests : BrowserFixture
{
    [Test]
    public async Task BrowserProbe_ParticipantsWithOwnRoutes_EachReachesItsOwnEndpoint()
    {
        var deadEnd = new HostRoutes([new(Host, new IPEndPoint(IPAddress.Loopback, UnusedPort.Find()))]);
        var options = Options(new GotoStep("/room/routes")) with
        {
            Participants = [new BrowserParticipant("teacher") { Routes = Routes }, new BrowserParticipant("student") { Routes = deadEnd }],
        };
        var (probe, sink) = await RunOnceAsync(options, HostRoutes.None);

        var byName = probe.Report.Iterations.ToDictionary(i => i.Participant, i => i.Steps.Single());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byName["teacher"].Outcome, Is.EqualTo(StepOutcome.Passed));
            Assert.That(byName["student"].Error, Does.Contain("ERR_CONNECTION_REFUSED"));
            Assert.That(
                sink.Of(MetricNames.Checks).Select(s => (s.Tag("participant"), s.Value)),
                Is.EquivalentTo(new[] { ("teacher", 1.0), ("student", 0.0) })
            );
        }
    }

    [Test]
    public async Task BrowserProbe_NetworkRuleByUrl_DelaysOnlyMatchingRequests()
    {
        var latency = TimeSpan.FromMilliseconds(400);
        var rule = new NetworkRule($"http://{Host}/room/slow", new NetworkConditions { Latency = latency });
        var (probe, _) = await RunOnceAsync(
            Options(new NetworkStep { Rules = [rule] }, new GotoStep("/room/slow"), new GotoStep("/healthz"))
        );

        var steps = probe.Report.Iterations.Single().Steps;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps.Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.Passed));
            Assert.That(steps[1].Duration, Is.GreaterThanOrEqualTo(latency), "the matching navigation carries the rule's latency");
        }
    }

    [Test]
    public async Task BrowserProbe_CancelledDuringAStep_ReturnsNormallyWithoutAFailedSample()
    {
        using var cts = Timeouts.Bounded(60);
        var probe = new BrowserProbe(Options(new GotoStep("/room/7"), new WaitStep(TimeSpan.FromMinutes(5))), Pool);
        await using var run = ProbeRun.Start(probe, Routes);
        await run.Sink.WaitForAsync(MetricNames.BrowserStepDuration, 1, cts.Token);
        await run.StopAsync(cts.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Sink.Of(MetricNames.Checks).Select(s => s.Value), Is.EqualTo(new[] { 1.0 }));
            Assert.That(probe.Report.Iterations.Single().Error, Is.EqualTo("stopped before the steps finished"));
        }
    }

    [Test]
    public async Task BrowserProbe_CancelledWhileACheckRetries_CountsAFailedCheckCutOffByThePhase()
    {
        using var cts = Timeouts.Bounded(60);
        var never = new ExpectTextStep("body", "620 echoes") { Timeout = TimeSpan.FromMinutes(5) };
        var probe = new BrowserProbe(Options(new GotoStep("/room/9"), never), Pool);
        await using var run = ProbeRun.Start(probe, Routes);
        await run.Sink.WaitForAsync(MetricNames.BrowserStepDuration, 1, cts.Token);
        run.Phase.Current = "degraded";
        await run.StopAsync(cts.Token);

        var iteration = probe.Report.Iterations.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Sink.Of(MetricNames.Checks).Select(s => s.Value), Is.EqualTo(new[] { 1.0, 0.0 }));
            Assert.That(run.Sink.Of(MetricNames.Checks).Last().Tags.Phase, Is.EqualTo("degraded"));
            Assert.That(iteration.Error, Is.EqualTo("cut off by the end of phase degraded"));
            Assert.That(iteration.Steps.Select(s => s.Outcome), Is.EqualTo(new[] { StepOutcome.Passed, StepOutcome.Failed }));
            Assert.That(iteration.Steps[1].Error, Is.EqualTo("cut off by the end of phase degraded"));
        }
    }

    [Test]
    public async Task BrowserProbe_VideoRequested_SavedWhenFfmpegExistsOtherwiseNotedAndSkipped()
    {
        var options = Options(new GotoStep("/room/8")) with { Capture = new BrowserCaptureOptions { Video = ArtifactMode.Always } };
        var (probe, _) = await RunOnceAsync(options);

        var videos = probe.Report.Artifacts.Where(a => a.Kind == BrowserArtifactKind.Video).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(probe.Report.Iterations.Single().Passed, Is.True);
            if (videos.Count == 0)
                Assert.That(probe.Report.Notes, Has.One.StartsWith("video skipped: Playwright's ffmpeg is missing"));
            else
                Assert.That(videos.Select(v => File.Exists(v.Path)), Is.All.True);
        }
    }
}
