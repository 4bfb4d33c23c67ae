namespace EndToEnd.Tests.Incidents;

/// <summary>
/// Incident 4 through the real CLI: with bug=on (immediate retry, a stale edge) the run fails and names recovery
/// time, clients never reconnected, failed handshakes and the stale bundle in the console, summary.md and
/// junit.xml; with bug=off (backoff with jitter, every edge current) it passes. A run the harness itself found
/// saturated may end inconclusive (exit 4) with bug=on; that is accepted only when the console says so and still
/// names the cause.
/// </summary>
[NonParallelizable]
public sealed class ReconnectStormIncidentTests
{
    private const string Scenario = "scenarios/incidents/04-reconnect-storm.yaml";
    private const string Saturated = "FAILED - unreliable: the harness was saturated";

    private static readonly string[] Causes =
    [
        "FAIL  crowd: ws_recovery_time max < 20s",
        "FAIL  crowd: ws_never_reconnected count == 0",
        "FAIL  crowd: ws_handshake_failed{phase:storm} count < 500",
        "FAIL  edges: checks rate == 100%",
    ];

    [Test]
    public async Task Run_BugOn_FailsNamingRecoveryNeverReconnectedHandshakesAndTheStaleEdge()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            Scenario,
            "--var",
            "bug=on",
            "--no-color",
            "--report-dir",
            reports.Root
        );

        var output = $"stdout:\n{stdout}\nstderr:\n{stderr}";
        Assert.That(code == 1 || (code == 4 && stdout.Contains(Saturated, StringComparison.Ordinal)), Is.True, $"exit {code}\n{output}");
        foreach (var cause in Causes)
            Assert.That(stdout, Does.Contain(cause), output);
        Assert.That(
            stdout,
            Does.Contain("Locator expected to have text '1.0.0'").And.Contain("'0.9.0'"),
            "the stale bundle's version is named"
        );

        var run = reports.SingleRun();
        var summary = File.ReadAllText(Path.Combine(run, "summary.md"));
        var junit = File.ReadAllText(Path.Combine(run, "junit.xml"));
        Assert.That(
            summary,
            Does.Contain("ws_recovery_time max < 20s").And.Contain("ws_never_reconnected count == 0").And.Contain("never reconnected")
        );
        Assert.That(
            junit,
            Does.Contain("ws_recovery_time max &lt; 20s").And.Contain("ws_never_reconnected count == 0").And.Contain("<failure")
        );
        using var results = reports.Results();
        Assert.That(Results.PhaseFigure(results, "crowd", "ws_never_reconnected", "storm", "count"), Is.GreaterThan(0));
    }

    [Test]
    public async Task Run_BugOff_PassesWithEveryClientBackAndEveryEdgeCurrent()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            Scenario,
            "--var",
            "bug=off",
            "--no-color",
            "--report-dir",
            reports.Root
        );

        Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        using var results = reports.Results();
        var recovery = Results.PhaseFigure(results, "crowd", "ws_recovery_time", "storm", "max");
        TestContext.Out.WriteLine($"ws_recovery_time max {recovery:0} ms");
        Assert.That(recovery, Is.InRange(500, 20_000), "the backoff's crowd comes back, neither at once nor past the bound");
    }
}
