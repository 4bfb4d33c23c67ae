using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>
/// Incident 5 through the CLI: <c>harness run --baseline/--candidate</c> runs LiveRoom as both sides in alternating
/// rounds under the same seeded jittery link and compares them. The example's runs are 7 s each.
/// </summary>
[NonParallelizable]
public sealed class AlternatingCompareTests
{
    private const string Example = "scenarios/examples/ab-api-delay.yaml";

    [Test]
    public async Task Run_SameValueOnBothSides_ExitsZeroUnchanged()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            Example,
            "--report-dir",
            reports.Root,
            "--quiet",
            "--baseline",
            "api_delay_ms=0",
            "--candidate",
            "api_delay_ms=0"
        );
        // The default two rounds in B C C B order: with one round, a load step between the two runs on a shared
        // machine reads as a change (seen in CI: A/A "improved" by 6 ms); alternating cancels a drift.

        Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.That(stdout, Does.Contain("## harness compare: UNCHANGED").And.Contain("baseline vs candidate: UNCHANGED"));
        using var compare = CompareJson(reports);
        Assert.That(compare.RootElement.GetProperty("overall").GetString(), Is.EqualTo("unchanged"));
        Assert.That(compare.RootElement.GetProperty("rounds").GetArrayLength(), Is.EqualTo(4));
    }

    [Test]
    public async Task Run_CandidateHundredMillisecondsSlower_ExitsOneNamingTheRegressedMetric()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            Example,
            "--report-dir",
            reports.Root,
            "--quiet",
            "--baseline",
            "api_delay_ms=0",
            "--candidate",
            "api_delay_ms=100"
        );

        Assert.That(code, Is.EqualTo(1), $"stdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.That(stdout, Does.Contain("- **regressed**: api `http_req_duration` in steady: shift +"));
        var folder = reports.SingleRun();
        Assert.That(
            Directory.GetDirectories(folder).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "1-baseline", "1-candidate", "2-baseline", "2-candidate" })
        );
        foreach (var run in Directory.GetDirectories(folder))
        {
            using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "results.json")));
            Assert.That(
                results.RootElement.GetProperty("scenario").GetProperty("seed").GetInt32(),
                Is.EqualTo(5),
                $"{run}: every run has the same seed"
            );
        }
        Assert.That(File.ReadAllText(Path.Combine(folder, "compare.md")), Does.StartWith("## harness compare: REGRESSED"));
        Assert.That(
            File.ReadAllText(Path.Combine(folder, "compare.html")),
            Does.Contain("REGRESSED").And.Contain("1-candidate/index.html")
        );
        using var compare = CompareJson(reports);
        Assert.That(
            compare.RootElement.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("directory").GetString()),
            Is.EqualTo(new[] { "1-baseline", "1-candidate", "2-candidate", "2-baseline" }),
            "round 2 swaps the order"
        );
        var duration = compare
            .RootElement.GetProperty("metrics")
            .EnumerateArray()
            .Single(m => m.GetProperty("metric").GetString() == "http_req_duration" && m.GetProperty("phase").GetString() == "steady");
        Assert.That(duration.GetProperty("verdict").GetString(), Is.EqualTo("regressed"));
        var delta =
            duration.GetProperty("candidate").GetProperty("p50").GetDouble()
            - duration.GetProperty("baseline").GetProperty("p50").GetDouble();
        Assert.That(delta, Is.InRange(80, 160), "the candidate's 100 ms, give or take the link's jitter");
    }

    [Test]
    public async Task Run_UnknownVariable_ExitsTwoNamingTheDeclaredVariables()
    {
        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            Example,
            "--report-dir",
            Path.GetTempPath(),
            "--baseline",
            "api_dealy_ms=0",
            "--candidate",
            "api_dealy_ms=100"
        );

        Assert.That(code, Is.EqualTo(2), $"stdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.That(
            stdout,
            Does.Contain(
                "cannot set 'api_dealy_ms' from the command line (--var, --baseline, --candidate): no such variable under variables: (did you mean 'api_delay_ms'?); the scenario declares api_delay_ms"
            )
        );
        Assert.That(stdout, Does.Contain("nothing was run"));
        Assert.That(stdout + stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Run_BaselineWithoutCandidate_ExitsTwo()
    {
        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            Example,
            "--report-dir",
            Path.GetTempPath(),
            "--baseline",
            "api_delay_ms=0"
        );

        Assert.That(code, Is.EqualTo(2), $"stdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.That(stdout, Does.Contain("--baseline and --candidate go together"));
    }

    private static JsonDocument CompareJson(ReportFolder reports) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(reports.SingleRun(), "compare.json")));
}
