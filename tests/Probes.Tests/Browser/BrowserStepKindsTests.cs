using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using Probes.Tests.Support;

namespace Probes.Tests.Browser;

/// <summary>
/// The steps a scenario may write besides the basic ones (select, expect_hidden, expect_url, expect_title, wait) and the
/// per-step and probe-wide timeouts, run by a real Chromium against LiveRoom's lobby and room pages.
/// </summary>
[Category("Browser")]
public sealed class BrowserStepKindsTests : BrowserFixture
{
    private const string AddSelect =
        "document.body.insertAdjacentHTML('beforeend', "
        + "'<select id=\"pick\"><option value=\"a\">A</option><option value=\"b\">B</option></select>'), true";

    [Test]
    public async Task BrowserProbe_SelectExpectationsAndWait_PassOnTheRealPages()
    {
        var (probe, sink) = await RunOnceAsync(
            Options(
                new GotoStep("/"),
                new ExpectTitleStep("LiveRoom lobby"),
                new ClickStep("a[href='/room/1']"),
                new ExpectUrlStep("/room/1"),
                new ExpectTitleStep("LiveRoom 1"),
                EvaluateStep.Expecting(AddSelect, true),
                new SelectStep("#pick", ["b"]),
                EvaluateStep.Expecting("document.querySelector('#pick').value", "b"),
                EvaluateStep.Expecting("document.querySelector('#status').hidden = true", true),
                new ExpectHiddenStep("#status"),
                new WaitStep(TimeSpan.FromMilliseconds(300))
            )
        );

        var iteration = probe.Report.Iterations.Single();
        Assert.That(iteration.Passed, Is.True, () => string.Join("\n", iteration.Steps.Select(s => $"{s.Outcome} {s.Error}")));
        var wait = sink.Of(MetricNames.BrowserStepDuration).Single(s => s.Tag("kind") == "wait").Value;
        // The step clock and the delay timer are read separately: allow them a few milliseconds apart.
        Assert.That(wait, Is.InRange(290, 10_000), "wait holds the page for its duration");
        Assert.That(
            sink.Of(MetricNames.BrowserStepDuration).Select(s => s.Tag("kind")),
            Is.EqualTo(
                new[]
                {
                    "goto",
                    "expect_title",
                    "click",
                    "expect_url",
                    "expect_title",
                    "evaluate",
                    "select",
                    "evaluate",
                    "evaluate",
                    "expect_hidden",
                    "wait",
                }
            )
        );
    }

    [Test]
    public async Task BrowserProbe_WrongTitleUrlAndVisibleElement_FailWithinTheirTimeouts()
    {
        var short400 = TimeSpan.FromMilliseconds(400);
        var (probe, sink) = await RunOnceAsync(
            Options(new GotoStep("/room/1"), new ExpectTitleStep("Another page") { Timeout = short400 })
        );
        var (probeWide, sinkWide) = await RunOnceAsync(
            Options(new GotoStep("/room/1"), new ExpectUrlStep("/room/2")) with
            {
                StepTimeout = short400,
            }
        );
        var (hidden, _) = await RunOnceAsync(Options(new GotoStep("/"), new ExpectHiddenStep("#rooms") { Timeout = short400 }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(probe.Report.Iterations.Single().Steps[1].Outcome, Is.EqualTo(StepOutcome.Failed));
            Assert.That(probe.Report.Iterations.Single().Steps[1].Error, Does.Contain("Another page"));
            Assert.That(
                sink.Of(MetricNames.BrowserStepDuration)[1].Value,
                Is.InRange(400, 5_000),
                "the step's own timeout, not the probe's 10 s"
            );
            Assert.That(probeWide.Report.Iterations.Single().Steps[1].Outcome, Is.EqualTo(StepOutcome.Failed));
            Assert.That(sinkWide.Of(MetricNames.BrowserStepDuration)[1].Value, Is.InRange(400, 5_000), "the probe's step_timeout");
            Assert.That(hidden.Report.Iterations.Single().Steps[1].Outcome, Is.EqualTo(StepOutcome.Failed));
        }
    }

    [Test]
    public async Task BrowserProbe_WsEndpointNobodyListensOn_FailsToStartNamingTheEndpoint()
    {
        var port = Harness.TestSupport.UnusedPort.Find();
        var options = Options(new GotoStep("/")) with { Browser = new BrowserSettings { WsEndpoint = new Uri($"ws://127.0.0.1:{port}/") } };

        var error = await Assert.CatchAsync(async () => await RunOnceAsync(options));

        Assert.That(error!.ToString(), Does.Contain($"cannot connect to the browser at ws://127.0.0.1:{port}/"));
    }
}
