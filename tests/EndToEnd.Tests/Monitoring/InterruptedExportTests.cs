using Harness.TestSupport;

namespace EndToEnd.Tests.Monitoring;

/// <summary>Ctrl-C during a run with <c>--push</c>: what was measured until then is still pushed, as "interrupted".</summary>
[NonParallelizable]
public sealed class InterruptedExportTests
{
    [Test]
    public async Task Run_InterruptedWithPush_PushesItsResultsWithTheVerdictInterrupted()
    {
        await using var gateway = new RecordingReceiver();
        using var reports = new ReportFolder();
        using var harness = HarnessProcess.Start(
            "run",
            "scenarios/smoke.yaml",
            "--report-dir",
            reports.Root,
            "--push",
            gateway.BaseUri.ToString()
        );

        await harness.WaitForOutputAsync("phase degraded");
        harness.Signal("INT");
        var code = await harness.WaitForExitAsync();

        Assert.That(code, Is.EqualTo(130), harness.Stderr);
        var push = gateway.Requests.SingleOrDefault();
        Assert.That(push, Is.Not.Null, "one push after the interrupted run\n" + harness.Stdout + harness.Stderr);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(push!.Method, Is.EqualTo("PUT"));
            Assert.That(push.Path, Does.StartWith("/metrics/job/harness/scenario/"));
            Assert.That(push.Text, Does.Contain("harness_run_status{status=\"interrupted\"} 1"));
            Assert.That(push.Text, Does.Contain("harness_run_exit_code 130"));
        }
    }
}
