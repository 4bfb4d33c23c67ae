using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using Probes.Tests.Support;

namespace Probes.Tests.Browser;

/// <summary>A record step turns a number on the page into a sample; participant attributes reach the page.</summary>
[Category("Browser")]
public sealed class RecordStepTests : BrowserFixture
{
    [Test]
    public async Task Record_ScriptAndSelector_BecomeSamplesWithTheParticipantsTags()
    {
        var options = Options(
            new GotoStep("/audio/1"),
            EvaluateStep.Expecting("window.framesPlayed > 2", true),
            new RecordStep("frames_seen") { Script = "window.framesPlayed" },
            new RecordStep("echoes") { Selector = "#echoes" }
        ) with
        {
            Participants =
            [
                new BrowserParticipant("student")
                {
                    ClientVersion = "2.3",
                    Tags = new Dictionary<string, string> { ["network"] = "clean" },
                },
            ],
        };

        var (probe, sink) = await RunOnceAsync(options);

        var iteration = probe.Report.Iterations.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(iteration.Passed, Is.True, () => string.Join("\n", iteration.Steps.Select(s => s.Error)));
            Assert.That(sink.Of("frames_seen").Single().Value, Is.GreaterThan(2));
            Assert.That(sink.Of("echoes").Single().Value, Is.Zero);
            Assert.That(sink.Of("frames_seen").Single().Tag("client_version"), Is.EqualTo("2.3"));
            Assert.That(sink.Of("echoes").Single().Tag("network"), Is.EqualTo("clean"));
            Assert.That(sink.Of(MetricNames.Checks).Select(s => s.Value), Is.All.EqualTo(1.0));
        }
    }

    [Test]
    public async Task Record_NotANumber_FailsTheStepSayingWhatItGot()
    {
        var (probe, sink) = await RunOnceAsync(Options(new GotoStep("/audio/1"), new RecordStep("room") { Selector = "h1" }));

        var step = probe.Report.Iterations.Single().Steps[1];
        Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Failed));
        Assert.That(step.Error, Does.Contain("room: expected a number, got 'Audio room 1'"));
        Assert.That(sink.Of("room"), Is.Empty);
    }

    [Test]
    public async Task PassAttributes_QueryAndScript_ReachThePage()
    {
        var options = Options(
            new GotoStep("/audio/1"),
            EvaluateStep.Expecting("document.querySelector('#client-version').textContent", "2.4"),
            EvaluateStep.Expecting("new URLSearchParams(location.search).get('network')", "lossy"),
            EvaluateStep.Expecting("window.harnessParticipant.client_version + '/' + window.harnessParticipant.participant", "2.4/student")
        ) with
        {
            PassAttributes = AttributeDelivery.Query | AttributeDelivery.Script,
            Participants =
            [
                new BrowserParticipant("student")
                {
                    ClientVersion = "2.4",
                    Tags = new Dictionary<string, string> { ["network"] = "lossy" },
                },
            ],
        };

        var (probe, _) = await RunOnceAsync(options);

        var iteration = probe.Report.Iterations.Single();
        Assert.That(iteration.Passed, Is.True, () => string.Join("\n", iteration.Steps.Select(s => s.Error)));
    }

    [Test]
    public async Task PassAttributes_None_LeavesThePageUntold()
    {
        var options = Options(
            new GotoStep("/audio/1"),
            EvaluateStep.Expecting(
                "[document.querySelector('#client-version').textContent, typeof window.harnessParticipant]",
                new[] { "unknown", "undefined" }
            )
        ) with
        {
            Participants = [new BrowserParticipant("student") { ClientVersion = "2.4" }],
        };

        var (probe, _) = await RunOnceAsync(options);

        var iteration = probe.Report.Iterations.Single();
        Assert.That(iteration.Passed, Is.True, () => string.Join("\n", iteration.Steps.Select(s => s.Error)));
    }
}
