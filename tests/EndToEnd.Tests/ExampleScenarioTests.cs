namespace EndToEnd.Tests;

/// <summary>The example scenarios of scenarios/examples pass from the README's first command, file path changed.</summary>
[NonParallelizable]
public sealed class ExampleScenarioTests
{
    [TestCase("scenarios/examples/http-arrival-rate.yaml")]
    [TestCase("scenarios/examples/ws-crowd.yaml")]
    [TestCase("scenarios/examples/browser-join.yaml", Category = "Browser")]
    public async Task Run_Example_Passes(string scenario)
    {
        if (scenario.Contains("browser", StringComparison.Ordinal))
            Harness.TestSupport.Chromium.Require();
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", scenario, "--report-dir", reports.Root);

        Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        using var results = reports.Results();
        Assert.That(Results.Status(results), Is.EqualTo("passed"));
    }

    [Test, Category("Browser")]
    public async Task Run_BrowserJoin_SavesOneScreenshotPerParticipant()
    {
        Harness.TestSupport.Chromium.Require();
        using var reports = new ReportFolder();

        var (code, _, stderr) = await HarnessProcess.RunAsync("run", "scenarios/examples/browser-join.yaml", "--report-dir", reports.Root);

        Assert.That(code, Is.Zero, stderr);
        var shots = Directory
            .GetFiles(Path.Combine(reports.SingleRun(), "artifacts"), "*.png", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f)!))
            .Order()
            .ToList();
        Assert.That(shots, Is.EqualTo(new[] { "student-a", "student-b", "teacher" }));
        using var results = reports.Results();
        var artifacts = results.RootElement.GetProperty("probes")[0].GetProperty("artifacts");
        Assert.That(artifacts.GetArrayLength(), Is.EqualTo(3), "screenshots are listed in results.json");
    }
}
