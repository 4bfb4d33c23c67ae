namespace EndToEnd.Tests.Incidents;

/// <summary>
/// scenarios/incidents/01-echo.yaml both ways: students of clients 2.3 and 2.4 listen at once, half over a jittery
/// link and half over a clean one. With LiveRoom's echo bug on, only 2.3 on the jittery link plays frames twice and
/// that echo_count threshold fails; with it off every threshold holds.
/// </summary>
[NonParallelizable]
public sealed class EchoIncidentTests
{
    private const string Scenario = "scenarios/incidents/01-echo.yaml";
    private const string Cause = "echo_count{client_version:2.3,network:jittery}";

    [Test]
    public async Task BugOn_FailsOnlyForClient23OnTheJitteryLink_NamingTheEchoCount()
    {
        using var reports = new ReportFolder();

        var run = await IncidentRun.RunAsync(reports, Scenario, "on");

        run.AssertFailedWithBug();
        Assert.That(run.Text("summary.md"), Does.Contain(Cause));
        Assert.That(run.Text("junit.xml"), Does.Contain(Cause));
        Assert.That(
            run.Stdout,
            Does.Match(@"FAIL  students: echo_count\{client_version:2\.3,network:jittery\} max == 0  \(observed [1-9]"),
            run.Output
        );
        Assert.That(
            run.Stdout,
            Does.Match(@"echo_count\{client_version:2\.4,network:jittery\} max == 0  \(observed 0,"),
            "the fixed version hears no echo on the same link"
        );
        Assert.That(run.Stdout, Does.Match(@"echo_count\{client_version:2\.4,network:clean\} max == 0  \(observed 0,"));
        // A saturated harness delays frames even on the clean link, and 2.3 echoes any late frame; conclusive runs show none.
        if (run.ExitCode != 1 || run.Stdout.Contains("saturated", StringComparison.Ordinal))
            return;
        Assert.That(
            run.Stdout,
            Does.Match(@"echo_count\{client_version:2\.3,network:clean\} max == 0  \(observed 0,"),
            "no echo on a clean network"
        );
    }

    [Test]
    public async Task BugOff_Passes()
    {
        using var reports = new ReportFolder();

        var run = await IncidentRun.RunAsync(reports, Scenario, "off");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Stdout, Does.Match(@"echo_count\{client_version:2\.3,network:jittery\} max == 0  \(observed 0,"));
        Assert.That(
            run.Stdout,
            Does.Match(@"late_frames\{network:jittery\} min > 0  \(observed [1-9]"),
            "frames were late on the jittery link, yet nobody heard an echo"
        );
    }
}
