using System.Text.Json;
using Harness.TestSupport;

namespace EndToEnd.Tests.Monitoring;

/// <summary><c>run --notify URL</c> through the real CLI against a local webhook receiver, over four runs sharing one history.</summary>
[NonParallelizable]
public sealed class NotifyTests
{
    private const string Secret = "hook-path-sekrit-42";

    private static async Task<string> ScenarioAsync(ReportFolder reports, Uri target)
    {
        var file = Path.Combine(reports.Root, "..", $"notify-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(
            file,
            $$"""
            name: monitor-notify
            target: { allow_hosts: [127.0.0.1] }
            timeline: [ { phase: only, duration: 1s } ]
            probes: [ { http: { name: api, url: "{{target}}", every: 100ms, expect_status: 200 } } ]
            thresholds:
              api: [ "http_req_failed rate < 5%" ]
            """
        );
        return file;
    }

    /// <summary>"FAILED (exit 1", or "INCONCLUSIVE (exit 4" when the console says the harness was saturated.</summary>
    private static string Verdict((int Code, string Stdout) run) =>
        $"{Verdicts.FailedStatus(run.Stdout).ToUpperInvariant()} (exit {Verdicts.FailedExitCode(run.Stdout)}";

    private static string Text(ReceivedRequest post) => JsonDocument.Parse(post.Body).RootElement.GetProperty("text").GetString()!;

    [Test]
    public async Task Run_FailFailPassPass_PostsFailureStillFailingAndRecoveryOnly()
    {
        await using var target = new RecordingReceiver { Status = 503 };
        await using var webhook = new RecordingReceiver { Status = 500 };
        using var reports = new ReportFolder();
        var scenario = await ScenarioAsync(reports, target.BaseUri);
        var hook = new Uri(webhook.BaseUri, $"services/{Secret}").ToString();
        try
        {
            async Task<(int Code, string Stdout)> RunAsync()
            {
                var (code, stdout, stderr) = await HarnessProcess.RunAsync(
                    "run",
                    scenario,
                    "--report-dir",
                    reports.Root,
                    "--notify",
                    hook,
                    "--no-color"
                );
                Assert.That(stdout + stderr, Does.Not.Contain("   at "), "no stack trace");
                return (code, stdout + stderr);
            }

            // 1: fails; the webhook answers 500: a warning, and the exit code stays the run's.
            var first = await RunAsync();
            Assert.That(first.Code, Is.EqualTo(Verdicts.FailedExitCode(first.Stdout)), first.Stdout);
            Assert.That(
                first.Stdout,
                Does.Contain($"warning: notify to {webhook.BaseUri.Scheme}://{webhook.BaseUri.Authority} failed: HTTP 500")
            );
            Assert.That(webhook.Requests, Has.Count.EqualTo(1));
            var message = webhook.Requests[0];
            Assert.That(message.Path, Is.EqualTo($"/services/{Secret}"));
            Assert.That(Text(message), Is.EqualTo($"harness: monitor-notify: {Verdict(first)}, newly failing)"));
            Assert.That(message.Text, Does.Contain("http_req_failed rate").And.Contain("observed 100 %"));
            Assert.That(message.Text, Does.Contain("status_503"), "the top error reason");
            Assert.That(message.Text, Does.Contain("index.html"));

            // 2: fails again, the webhook is back: still failing.
            webhook.Status = 200;
            var second = await RunAsync();
            Assert.That(second.Code, Is.EqualTo(Verdicts.FailedExitCode(second.Stdout)), second.Stdout);
            Assert.That(webhook.Requests, Has.Count.EqualTo(2));
            Assert.That(Text(webhook.Requests[1]), Is.EqualTo($"harness: monitor-notify: {Verdict(second)}, still failing)"));

            // 3: passes after a failure: recovery. 4: passes after a pass: nothing.
            target.Status = 200;
            var third = await RunAsync();
            Assert.That(third.Code, Is.EqualTo(0), third.Stdout);
            Assert.That(webhook.Requests, Has.Count.EqualTo(3));
            Assert.That(
                Text(webhook.Requests[2]),
                Is.EqualTo("harness: monitor-notify: PASSED (exit 0, recovered: passed after a failed run)")
            );
            Assert.That((await RunAsync()).Code, Is.EqualTo(0));
            Assert.That(webhook.Requests, Has.Count.EqualTo(3));

            var recorded = Directory
                .GetFiles(reports.Root, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".db", StringComparison.Ordinal) && !f.Contains(".db-", StringComparison.Ordinal))
                .Select(File.ReadAllText);
            Assert.That(recorded, Has.None.Contains(Secret), "the webhook's path is not written into any report");
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [TestCase("--notify", "not-a-url")]
    [TestCase("--push", "ftp://gw:9091/")]
    [TestCase("--otlp", "http//missing-colon")]
    public async Task Run_BadUrl_ExitsTwoWithOneLineNamingTheOption(string option, string value)
    {
        var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", "scenarios/smoke.yaml", option, value);

        Assert.That(code, Is.EqualTo(2), stdout + stderr);
        Assert.That(stderr, Does.Contain($"harness: {option} '").And.Contain("is not an absolute http:// or https:// URL"));
        Assert.That(stdout + stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Run_ExportWithAlternatingComparison_ExitsTwoSayingItDoesNotApply()
    {
        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            "scenarios/smoke.yaml",
            "--baseline",
            "a=1",
            "--candidate",
            "a=2",
            "--push",
            "http://127.0.0.1:9091/"
        );

        Assert.That(code, Is.EqualTo(2), stdout + stderr);
        Assert.That(stderr, Does.Contain("--push, --otlp and --notify apply to runs, not to an alternating comparison"));
    }
}
