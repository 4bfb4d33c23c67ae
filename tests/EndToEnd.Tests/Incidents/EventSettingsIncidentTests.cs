namespace EndToEnd.Tests.Incidents;

/// <summary>
/// scenarios/incidents/02-event-settings.yaml both ways: with LiveRoom's join bug on, exactly the pairwise cells
/// with an automated event and private chat fail, each with a screenshot and the page's error; with it off all pass.
/// </summary>
[NonParallelizable]
public sealed class EventSettingsIncidentTests
{
    private const string Scenario = "scenarios/incidents/02-event-settings.yaml";
    private const string PageError = "Could not join: chat permissions could not be loaded";

    [Test]
    public async Task BugOn_FailsExactlyTheAutomatedPrivateChatCells_WithScreenshotAndPageError()
    {
        using var reports = new ReportFolder();

        var run = await IncidentRun.RunAsync(reports, Scenario, "on");

        run.AssertFailedWithBug();
        var broken = run
            .Cells.Keys.Where(c => c.Contains("type=automated,chat=private", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(broken, Is.Not.Empty, "the pairwise cover holds the broken pair");
        Assert.That(run.Cells, Has.Count.LessThan(16), "pairwise, not the full product");
        // A saturated harness may leave other cells inconclusive too (a page cut off by the phase's end); the broken
        // cells fail whatever the load (a wrong answer is no timing), and without inconclusive cells they fail alone.
        var conclusive = !run.Cells.Values.Contains("inconclusive");
        if (conclusive)
            Assert.That(run.NotPassed, Is.EqualTo(broken), run.Output);
        else
            Assert.That(run.NotPassed, Is.SupersetOf(broken), run.Output);
        Assert.That(broken.Select(c => run.Cells[c]), Is.All.EqualTo("failed"), run.Output);
        Assert.That(run.Stdout, Does.Contain(PageError), run.Output);
        Assert.That(run.Text("summary.md"), Does.Contain(PageError));
        Assert.That(run.Text("junit.xml"), Does.Contain(PageError));
        foreach (var cell in Directory.GetDirectories(Path.Combine(run.Folder, "cells")))
        {
            var screenshots = Directory.GetFiles(cell, "*-failed.png", SearchOption.AllDirectories);
            var isBroken = Path.GetFileName(cell).Contains("type-automated_chat-private", StringComparison.Ordinal);
            if (isBroken || conclusive)
                Assert.That(screenshots, isBroken ? Is.Not.Empty : Is.Empty, cell);
        }
    }

    [Test]
    public async Task BugOff_Passes()
    {
        using var reports = new ReportFolder();

        var run = await IncidentRun.RunAsync(reports, Scenario, "off");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.NotPassed, Is.Empty, run.Output);
        Assert.That(run.Cells.Keys, Has.Some.Contains("type=automated,chat=private"));
    }
}
