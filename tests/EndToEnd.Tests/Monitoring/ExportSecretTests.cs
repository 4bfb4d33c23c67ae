using Harness.TestSupport;

namespace EndToEnd.Tests.Monitoring;

/// <summary>
/// A secret from the environment in a threshold and a URL: the push, the OTLP export and the message carry it masked, as the reports do.
/// </summary>
[NonParallelizable]
public sealed class ExportSecretTests
{
    private const string Secret = "monitor-sekrit-7731";

    [Test]
    public async Task Run_SecretInThresholdAndUrl_PushOtlpAndMessageMaskIt()
    {
        await using var target = new RecordingReceiver { Status = 503 };
        await using var gateway = new RecordingReceiver();
        await using var webhook = new RecordingReceiver();
        await using var collector = new RecordingReceiver();
        using var reports = new ReportFolder();
        var scenario = Path.Combine(reports.Root, "secret.yaml");
        await File.WriteAllTextAsync(
            scenario,
            $$$"""
            name: monitor-secret
            variables: { token: "${env:MONITOR_TOKEN}" }
            target: { allow_hosts: [127.0.0.1] }
            timeline: [ { phase: only, duration: 1s } ]
            probes: [ { http: { name: api, url: "{{{target.BaseUri}}}?t=${token}", every: 100ms, expect_status: 200 } } ]
            thresholds:
              api: [ "http_req_failed{error:${token}} count > 0" ]
            """
        );
        {
            using var process = HarnessProcess.Start(
                new Dictionary<string, string> { ["MONITOR_TOKEN"] = Secret },
                false,
                "run",
                scenario,
                "--report-dir",
                reports.Root,
                "--no-color",
                "--push",
                gateway.BaseUri.ToString(),
                "--notify",
                webhook.BaseUri.ToString(),
                "--otlp",
                collector.BaseUri.ToString()
            );
            var code = await process.WaitForExitAsync();

            Assert.That(code, Is.EqualTo(Verdicts.FailedExitCode(process.Stdout)), process.Stdout + process.Stderr);
            Assert.That(target.Requests.Select(r => r.Path), Has.Some.Contains(Secret), "the secret was really used");
            var push = gateway.Requests.Single().Text;
            var message = webhook.Requests.Single().Text;
            Assert.That(push, Does.Contain("threshold=\"http_req_failed{error:***} count > 0\""));
            Assert.That(message, Does.Contain("http_req_failed{error:***} count"));
            // Protobuf keeps strings as UTF-8 bytes: the names and the masked expression are readable in the body.
            var otlp = collector.Requests.Single(r => r.Body.Length > 0);
            Assert.That(otlp.Path, Is.EqualTo("/v1/metrics"));
            Assert.That(
                otlp.Text,
                Does.Contain("harness_threshold_passed").And.Contain("http_req_failed{error:***} count > 0").And.Contain("service.name")
            );
            Assert.That(push + message + otlp.Text, Does.Not.Contain(Secret));
        }
    }
}
