using System.Xml.Linq;

namespace EndToEnd.Tests;

[NonParallelizable]
public sealed class FailureExitCodeTests
{
    [Test]
    public async Task Run_FailingExample_ExitsOneAndJUnitNamesTheThreshold()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            "scenarios/examples/failing-threshold.yaml",
            "--report-dir",
            reports.Root
        );

        Assert.That(code, Is.EqualTo(Verdicts.FailedExitCode(stdout)), $"stdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.That(stdout, Does.Contain("FAIL  api: http_req_duration{phase:slow-link} p(95) < 250ms"));
        var junit = XDocument.Load(Path.Combine(reports.SingleRun(), "junit.xml"));
        var failures = junit.Descendants("failure").ToList();
        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.That(failures[0].Attribute("message")!.Value, Does.Contain("http_req_duration{phase:slow-link} p(95) < 250ms"));
        AssertNoStackTrace(stdout + stderr);
    }

    [Test]
    public async Task Run_TypoInKey_ExitsTwoWithLocationAndKey()
    {
        var file = WriteScenario(
            "name: typo\ntimeline:\n  - { phase: a, duraton: 1s }\nprobes:\n  - http: { name: api, url: http://127.0.0.1:9/ }\n"
        );
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", Path.GetTempPath());

            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Does.Match(@":3:17: timeline entry: unknown key 'duraton' \(did you mean 'duration'\?\)"));
            Assert.That(stdout, Does.Contain("nothing was run"));
            AssertNoStackTrace(stdout + stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var (code, stdout, _) = await HarnessProcess.RunAsync("validate", "scenarios/does-not-exist.yaml");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Does.Contain("no such file"));
    }

    [Test]
    public async Task Run_ServiceThatNeverGetsReady_ExitsThreeAndStopsIt()
    {
        using var reports = new ReportFolder();
        var file = WriteScenario(
            """
            name: never-ready
            target: { allow_hosts: [127.0.0.1] }
            services:
              - { name: sleeper, command: [sleep, "300"], port: auto, ready_url: "http://127.0.0.1:${port}/healthz", ready_timeout: 1s }
            timeline: [ { phase: a, duration: 1s } ]
            probes: [ { http: { name: api, url: "http://127.0.0.1:9/" } } ]
            """
        );
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", reports.Root);

            Assert.That(code, Is.EqualTo(3), $"stdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.That(stdout, Does.Contain("service 'sleeper' was not ready"));
            using var results = reports.Results();
            Assert.That(Results.Status(results), Is.EqualTo("error"));
            var exit = results.RootElement.GetProperty("services")[0].GetProperty("exit_code");
            Assert.That(exit.ValueKind, Is.Not.EqualTo(System.Text.Json.JsonValueKind.Null), "the launched process was stopped");
            AssertNoStackTrace(stdout + stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static string WriteScenario(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"harness-e2e-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    internal static void AssertNoStackTrace(string output)
    {
        Assert.That(output, Does.Not.Match(@"(?m)^\s+at \S+\(").And.Not.Contain("Unhandled exception"));
    }
}
