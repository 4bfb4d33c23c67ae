using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>A run cannot pass on a target that is down from the start, even when only latency is judged.</summary>
[NonParallelizable]
public sealed class DeadTargetTests
{
    [Test]
    public async Task Run_HttpProbeAgainstDeadPort_LatencyOnlyThreshold_ExitsThreeSayingRefused()
    {
        using var reports = new ReportFolder();
        var port = UnusedPort.Find();
        var file = FailureExitCodeTests.WriteScenario(
            $$"""
            name: dead-target
            target: { allow_hosts: [127.0.0.1] }
            timeline: [ { phase: baseline, duration: 3s } ]
            probes: [ { http: { name: api, url: "http://127.0.0.1:{{port}}/", every: 250ms } } ]
            thresholds:
              api: [ "http_req_duration p(95) < 700ms" ]
            """
        );
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", reports.Root);

            Assert.That(code, Is.EqualTo(3), $"stdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.That(
                stdout,
                Does.Contain("target unusable: probe api: ").And.Contain($"requests refused by 127.0.0.1:{port} in phase baseline")
            );
            Assert.That(stdout, Does.Match(@"\d+ http_req_failed: refused \(\d+\)"), "the console's result lines give the reason");
            var summary = File.ReadAllText(Path.Combine(reports.SingleRun(), "summary.md"));
            Assert.That(summary, Does.Contain("refused"));
            using var results = reports.Results();
            Assert.That(Results.Status(results), Is.EqualTo("error"));
            var errors = results.RootElement.GetProperty("probes")[0].GetProperty("errors");
            Assert.That(errors[0].GetProperty("class").GetString(), Is.EqualTo("refused"));
            Assert.That(errors[0].GetProperty("message").GetString(), Does.Contain("refused"));
            FailureExitCodeTests.AssertNoStackTrace(stdout + stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
