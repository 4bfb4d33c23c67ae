namespace EndToEnd.Tests.Incidents;

/// <summary>
/// scenarios/incidents/01-echo.yaml both ways: with LiveRoom's echo bug on, only client 2.3 on the jittery link
/// plays frames twice and the echo_count threshold of that cell fails; with it off every cell passes.
/// </summary>
[NonParallelizable]
public sealed class EchoIncidentTests
{
    private const string Scenario = "scenarios/incidents/01-echo.yaml";
    private const string BrokenCell = "client_version=2.3,network=jittery";

    [Test]
    public async Task BugOn_FailsOnlyForClient23OnTheJitteryLink_NamingTheEchoCount()
    {
        using var reports = new ReportFolder();

        var run = await IncidentRun.RunAsync(reports, Scenario, "on");

        run.AssertFailedWithBug();
        Assert.That(run.Text("summary.md"), Does.Contain("echo_count{client_version:2.3,network:jittery}"));
        Assert.That(run.Text("junit.xml"), Does.Contain("echo_count{client_version:2.3,network:jittery}"));
        Assert.That(run.Stdout, Does.Match(@"FAIL  students: echo_count\{client_version:2\.3,network:jittery\} max == 0  \(observed [1-9]"), run.Output);
        // A saturated harness (exit 4) may leave other cells inconclusive too; a conclusive run fails that cell alone.
        if (run.ExitCode == 1) Assert.That(run.NotPassed, Is.EqualTo(new[] { BrokenCell }), run.Output);
        else Assert.That(run.NotPassed, Does.Contain(BrokenCell), run.Output);
        if (run.ExitCode != 1) return;
        Assert.That(run.Stdout, Does.Match(@"echo_count\{client_version:2\.4,network:jittery\} max == 0  \(observed 0,"), "the fixed version hears no echo");
        Assert.That(run.Stdout, Does.Match(@"echo_count\{client_version:2\.3,network:clean\} max == 0  \(observed 0,"), "no echo on a clean network");
    }

    [Test]
    public async Task BugOff_Passes()
    {
        using var reports = new ReportFolder();

        var run = await IncidentRun.RunAsync(reports, Scenario, "off");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.NotPassed, Is.Empty, run.Output);
        Assert.That(run.Stdout, Does.Match(@"echo_count\{client_version:2\.3,network:jittery\} max == 0  \(observed 0,"));
        Assert.That(run.Stdout, Does.Match(@"late_frames min > 0  \(observed [1-9]"), "frames were late on the jittery link, yet nobody heard an echo");
    }
}
