using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using Probes.Tests.Support;

namespace Probes.Tests.Browser;

[Category("Browser")]
public sealed class BrowserProbeTests : BrowserFixture
{
    private static readonly EvaluateStep FramesArrive = EvaluateStep.Expecting(
        "Number(document.querySelector('#frames').textContent) > 0",
        true
    );

    [Test]
    public async Task BrowserProbe_RoomThroughRoutedHost_ConnectsCountsFramesAndSavesScreenshot()
    {
        var (probe, sink) = await RunOnceAsync(
            Options(new GotoStep("/room/1"), new ExpectVisibleStep("#connected"), FramesArrive, new ScreenshotStep("room"))
        );

        var iteration = probe.Report.Iterations.Single();
        var screenshot = probe.Report.Artifacts.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(iteration.Passed, Is.True, () => string.Join("\n", iteration.Steps.Select(s => s.Error)));
            Assert.That(
                sink.Of(MetricNames.BrowserStepDuration).Select(s => (s.Tag("step"), s.Tag("kind"), s.Tag("outcome"))),
                Is.EqualTo(
                    new[]
                    {
                        ("0", "goto", "passed"),
                        ("1", "expect_visible", "passed"),
                        ("2", "evaluate", "passed"),
                        ("3", "screenshot", "passed"),
                    }
                )
            );
            Assert.That(sink.Of(MetricNames.Checks).Select(s => s.Value), Is.EqualTo(new[] { 1.0, 1, 1, 1 }));
            Assert.That(sink.Of(MetricNames.Checks)[1].Tag("check"), Is.EqualTo("expect_visible #connected"));
            Assert.That(screenshot, Is.EqualTo(new BrowserArtifact(BrowserArtifactKind.Screenshot, screenshot.Path, "main", 1, 3)));
            Assert.That(new FileInfo(screenshot.Path).Length, Is.GreaterThan(0));
            Assert.That(sink.Of(MetricNames.BrowserTtfb), Has.Count.EqualTo(1));
            Assert.That(sink.Of(MetricNames.BrowserLoad).Single().Value, Is.GreaterThan(0));
            Assert.That(sink.Of(MetricNames.BrowserCls), Has.Count.EqualTo(1));
            Assert.That(iteration.WebSockets.Opened, Is.EqualTo(1));
            Assert.That(iteration.WebSockets.FramesReceived, Is.GreaterThan(0));
            Assert.That(iteration.WebSockets.BytesReceived, Is.GreaterThan(iteration.WebSockets.FramesReceived));
            Assert.That(sink.Of(MetricNames.WsMsgsReceived).Single().Value, Is.EqualTo(iteration.WebSockets.FramesReceived));
            Assert.That(
                sink.All.Select(s => (s.Tags.Probe, s.Tags.Phase, s.Tag("participant"))).Distinct(),
                Is.EqualTo(new[] { ("join", "warmup", "main") })
            );
        }
    }

    [Test]
    public async Task BrowserProbe_FailingStep_IsDataWithScreenshotTraceAndSkippedRest()
    {
        var (probe, sink) = await RunOnceAsync(
            Options(
                new GotoStep("/room/2"),
                new ExpectVisibleStep("#no-such-thing") { Timeout = TimeSpan.FromMilliseconds(300) },
                new ClickStep("#connected")
            )
        );

        var iteration = probe.Report.Iterations.Single();
        var artifacts = probe.Report.Artifacts;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(iteration.Passed, Is.False);
            Assert.That(
                iteration.Steps.Select(s => s.Outcome),
                Is.EqualTo(new[] { StepOutcome.Passed, StepOutcome.Failed, StepOutcome.Skipped })
            );
            Assert.That(iteration.Steps[1].Error, Does.Contain("#no-such-thing"));
            Assert.That(sink.Of(MetricNames.BrowserStepDuration).Select(s => s.Tag("outcome")), Is.EqualTo(new[] { "passed", "failed" }));
            Assert.That(sink.Of(MetricNames.Checks).Select(s => s.Value), Is.EqualTo(new[] { 1.0, 0 }));
            Assert.That(
                artifacts.Select(a => (a.Kind, a.Step)),
                Is.EquivalentTo(new[] { (BrowserArtifactKind.Screenshot, (int?)1), (BrowserArtifactKind.Trace, null) })
            );
            Assert.That(artifacts.Select(a => File.Exists(a.Path)), Is.All.True);
            Assert.That(iteration.Artifacts, Is.EqualTo(artifacts));
        }
    }

    [Test]
    public async Task BrowserProbe_TwoParticipants_ShareOneBrowserWithTheirOwnTags()
    {
        var launchesBefore = Pool.Launches;
        var options = Options(new GotoStep("/room/shared"), new ExpectVisibleStep("#connected")) with
        {
            Participants =
            [
                new BrowserParticipant("teacher") { Role = "teacher", ClientVersion = "2.4" },
                new BrowserParticipant("student")
                {
                    Role = "student",
                    ClientVersion = "2.3",
                    Count = 2,
                    Tags = new Dictionary<string, string> { ["link"] = "bad" },
                },
            ],
        };
        var (probe, sink) = await RunOnceAsync(options);

        var tagged = sink.Of(MetricNames.Checks)
            .Select(s => (s.Tag("participant"), s.Tag("role"), s.Tag("client_version"), s.Tag("link"), s.Value));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                tagged.Distinct(),
                Is.EquivalentTo(
                    new[]
                    {
                        ("teacher", "teacher", "2.4", (string?)null, 1.0),
                        ("student-1", "student", "2.3", "bad", 1.0),
                        ("student-2", "student", "2.3", "bad", 1.0),
                    }
                )
            );
            Assert.That(probe.Report.Iterations.Select(i => i.Participant), Is.EquivalentTo(new[] { "teacher", "student-1", "student-2" }));
            Assert.That(Pool.Launches - launchesBefore, Is.LessThanOrEqualTo(1), "same routes: one browser, three contexts");
        }
    }

    [Test]
    public async Task BrowserProbe_ConsoleErrorAndPageError_CapturedAsCountersAndVerbatimMessages()
    {
        var (probe, sink) = await RunOnceAsync(
            Options(
                new GotoStep("/room/3"),
                new EvaluateStep(
                    "console.error('boom <b>&</b>'); console.warn('careful'); setTimeout(() => { throw new Error('uncaught!'); }, 0)"
                ),
                new EvaluateStep("new Promise(r => setTimeout(r, 50))")
            )
        );

        var messages = probe.Report.Messages.Select(m => (m.Kind, m.Text, m.Participant)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(probe.Report.Iterations.Single().Passed, Is.True);
            Assert.That(
                sink.Of(MetricNames.BrowserConsoleErrors).Select(s => (s.Value, s.Tag("participant"))),
                Is.EqualTo(new[] { (1.0, "main") })
            );
            Assert.That(sink.Of(MetricNames.BrowserPageErrors), Has.Count.EqualTo(1));
            Assert.That(messages, Does.Contain((BrowserMessageKind.ConsoleError, "boom <b>&</b>", "main")));
            Assert.That(messages, Does.Contain((BrowserMessageKind.ConsoleWarning, "careful", "main")));
            Assert.That(messages.Where(m => m.Kind == BrowserMessageKind.PageError).Select(m => m.Text), Has.One.Contains("uncaught!"));
        }
    }

    [Test]
    public async Task BrowserProbe_CdpOffline_GotoFailsAsDataAndResetRestores()
    {
        var offline = new NetworkStep { Conditions = new NetworkConditions { Offline = true } };
        var (probe, sink) = await RunOnceAsync(Options(offline, new GotoStep("/room/4")));

        var failed = probe.Report.Iterations.Single().Steps[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.Outcome, Is.EqualTo(StepOutcome.Failed));
            Assert.That(failed.Error, Does.Contain("ERR_INTERNET_DISCONNECTED"));
            Assert.That(sink.Of(MetricNames.Checks).Select(s => s.Value), Is.EqualTo(new[] { 1.0, 0 }));
        }

        var (restored, _) = await RunOnceAsync(Options(offline, new NetworkStep { Reset = true }, new GotoStep("/room/4")));
        Assert.That(restored.Report.Iterations.Single().Passed, Is.True);
    }

    [Test]
    public async Task BrowserProbe_UnlistedHost_FailsToResolve()
    {
        var (probe, sink) = await RunOnceAsync(Options(new GotoStep("http://elsewhere.test/")));

        var step = probe.Report.Iterations.Single().Steps.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(step.Error, Does.Contain("ERR_NAME_NOT_RESOLVED"));
            Assert.That(
                sink.Of(MetricNames.BrowserRequestsFailed).Select(s => s.Tag("reason")),
                Has.Some.Contains("ERR_NAME_NOT_RESOLVED")
            );
        }
    }

    [Test]
    public async Task BrowserProbe_Every_RepeatsUntilCancelledAndReturnsNormally()
    {
        using var cts = Timeouts.Bounded(60);
        var probe = new BrowserProbe(Options(new GotoStep("/room/5")) with { Every = TimeSpan.FromMilliseconds(100) }, Pool);
        await using var run = ProbeRun.Start(probe, Routes);
        await run.Sink.WaitForAsync(MetricNames.BrowserStepDuration, 2, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(probe.Report.Iterations.Where(i => i.Error is null).Select(i => i.Iteration), Is.SupersetOf(new[] { 1, 2 }));
    }

    [TestCase(false, ExpectedResult = "blocked")]
    [TestCase(true, ExpectedResult = "reached")]
    public async Task<string> BrowserProbe_LoopbackAddress_ReachedOnlyWhenAllowed(bool allow)
    {
        var options = Options(new GotoStep(new Uri(Server.BaseUri, "/room/6").ToString())) with { AllowHosts = allow ? ["127.0.0.1"] : [] };
        var (probe, _) = await RunOnceAsync(options);
        var step = probe.Report.Iterations.Single().Steps.Single();
        TestContext.Out.WriteLine(step.Error);
        return step.Outcome == StepOutcome.Passed ? "reached" : "blocked";
    }
}
