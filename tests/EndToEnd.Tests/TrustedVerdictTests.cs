using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>
/// Verdicts that must not lie: zero events can be asserted, and a target that dies mid-run is an error, not a pass or a fail.
/// </summary>
[NonParallelizable]
public sealed partial class TrustedVerdictTests
{
    private static string LiveRoomScenario(string name, int seconds, string thresholds, string extraServices = "") =>
        $$"""
            name: {{name}}
            target: { base_url: "http://liveroom.test", allow_hosts: [liveroom.test, 127.0.0.1] }
            services:
              - name: liveroom
                command: [dotnet, samples/LiveRoom/bin/Release/net10.0/LiveRoom.dll, --urls, "http://127.0.0.1:${port}"]
                working_dir: {{RepositoryPaths.Root}}
                port: auto
                ready_url: "http://127.0.0.1:${port}/healthz"
                ready_timeout: 60s
            {{extraServices}}
            network:
              proxies: [ { name: edge, upstream: liveroom, hosts: [liveroom.test] } ]
            timeline: [ { phase: steady, duration: {{seconds}}s } ]
            probes:
              - http: { name: api, url: /api/rooms/1, every: 200ms, expect_status: 200 }
              - websocket: { name: echo, url: /ws/echo, echo: { every: 200ms, size: 32 } }
            thresholds:
            {{thresholds}}
            """;

    [Test]
    public async Task Run_CountOfTagValueNeverSeen_PassesOnAHealthyRun()
    {
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(
            LiveRoomScenario(
                "zero-events",
                3,
                """
                  api: [ "http_req_failed{status:504} count == 0", "http_req_failed{status:504} rate == 0" ]
                  echo: [ "ws_disconnects{cause:4504} count == 0" ]
                """
            )
        );
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", reports.Root, "--no-color");

            Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
            using var results = reports.Results();
            Assert.That(Results.Status(results), Is.EqualTo("passed"));
            var observed = results
                .RootElement.GetProperty("thresholds")
                .EnumerateArray()
                .Select(t => t.GetProperty("observed").GetDouble());
            Assert.That(observed, Is.All.Zero);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Run_ServiceKilledMidRun_StopsPromptlyAndExitsThreeNamingItAndTheSignal()
    {
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(
            LiveRoomScenario(
                "dies",
                60,
                """
                  api: [ "http_req_duration p(95) < 5s" ]
                """
            )
        );
        try
        {
            using var harness = HarnessProcess.Start("run", file, "--report-dir", reports.Root, "--no-color");
            await harness.WaitForOutputAsync("phase steady:");
            var pid = int.Parse(StartedPid().Match(harness.Stderr).Groups[1].Value, CultureInfo.InvariantCulture);
            var killedAt = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            var code = await harness.WaitForExitAsync();
            var stopped = killedAt.Elapsed;

            Assert.That(code, Is.EqualTo(3), $"stdout:\n{harness.Stdout}\nstderr:\n{harness.Stderr}");
            Assert.That(
                stopped,
                Is.LessThan(TimeSpan.FromSeconds(40)),
                "the run stopped instead of finishing its 60 s against a dead target"
            );
            Assert.That(
                harness.Stdout,
                Does.Match(@"error: service 'liveroom' was killed by SIGKILL \(exit code 137\) in phase steady at \+\d+(\.\d)?s")
            );
            using var results = reports.Results();
            Assert.That(Results.Status(results), Is.EqualTo("error"));
            var error = results.RootElement.GetProperty("errors")[0].GetString();
            Assert.That(
                error,
                Does.Contain("last lines of its log").And.Contain("listening on http://127.0.0.1:"),
                "its last log lines come with it"
            );
            FailureExitCodeTests.AssertNoStackTrace(harness.Stdout + harness.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Run_ServiceThatDeclaresItExits_IsNotAnError()
    {
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(
            LiveRoomScenario(
                "one-shot",
                3,
                """
                  api: [ "http_req_failed rate == 0" ]
                """,
                """
                  - { name: migrate, command: [sh, -c, "echo migrated"], working_dir: /tmp, exits: true }
                """
            )
        );
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", reports.Root, "--no-color");

            Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Run_BrowserThatCannotLaunch_IsAnErrorBeforeAnyPhase()
    {
        await using var target = new HttpEchoServer();
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(
            $$"""
            name: no-browser
            target: { base_url: "{{target.BaseUri}}", allow_hosts: [127.0.0.1] }
            timeline: [ { phase: steady, duration: 2s } ]
            probes:
              - http: { name: api, url: /, every: 200ms }
              - browser: { name: join, url: /, executable: /bin/false, steps: [ { goto: / } ] }
            thresholds:
              api: [ "http_req_failed rate == 0" ]
            """
        );
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", reports.Root, "--no-color");

            Assert.That(code, Is.EqualTo(3), $"stdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.That(stdout, Does.Contain("error: probe join could not start: "));
            Assert.That(stderr, Does.Not.Contain("phase steady:"), "nothing was measured with a probe missing");
            using var results = reports.Results();
            Assert.That(Results.Status(results), Is.EqualTo("error"));
            FailureExitCodeTests.AssertNoStackTrace(stdout + stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Run_BrowserCheckStillRetryingWhenThePhaseEnds_IsAFailedCheck()
    {
        var browser = Chromium.Require();
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(
            LiveRoomScenario(
                    "cut-off",
                    6,
                    """
                      join: [ "checks rate == 100%" ]
                    """
                )
                .Replace(
                    "probes:\n",
                    $$"""
                    probes:
                      - browser:
                          name: join
                          url: /room/1
                          executable: {{browser}}
                          step_timeout: 120s
                          steps: [ { goto: /room/1 }, { expect_text: { selector: body, text: "620 echoes" } } ]

                    """,
                    StringComparison.Ordinal
                )
        );
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", reports.Root, "--no-color");

            Assert.That(code, Is.EqualTo(Verdicts.FailedExitCode(stdout)), $"stdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.That(stdout, Does.Contain("FAIL  join: checks rate == 100%"));
            using var results = reports.Results();
            var join = results.RootElement.GetProperty("probes").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "join");
            var steps = join.GetProperty("iterations")[0].GetProperty("steps");
            Assert.That(steps[1].GetProperty("outcome").GetString(), Is.EqualTo("failed"));
            Assert.That(steps[1].GetProperty("error").GetString(), Is.EqualTo("cut off by the end of phase steady"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"service liveroom: started pid (\d+)")]
    private static partial Regex StartedPid();
}
