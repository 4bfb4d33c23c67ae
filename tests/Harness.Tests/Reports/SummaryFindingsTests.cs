using Harness.Reports.Markdown;

namespace Harness.Tests.Reports;

/// <summary>summary.md carries each report section's verdict-relevant lines, not only thresholds.</summary>
public sealed class SummaryFindingsTests
{
    [Test]
    public void Summary_Load_AchievedAgainstPlannedIterations()
    {
        var md = SummaryMarkdown.Render(SectionFixtures.WithProbes(SectionFixtures.Load()));

        Assert.That(md, Does.Contain("- load **crowd**: 480 of 600 planned iterations (80 %), 120 dropped"));
    }

    [Test]
    public void Summary_Browser_FailedSteps()
    {
        var md = SummaryMarkdown.Render(SectionFixtures.WithProbes(SectionFixtures.Browser()));

        Assert.That(
            md,
            Does.Contain(
                "- browser **join**: 1 of 3 iterations failed; step 2 `expect_visible #connected` failed 1 time: Timeout 5000ms exceeded waiting for \\#connected"
            )
        );
    }

    [Test]
    public void Summary_WebSocket_LostAndDuplicated()
    {
        var md = SummaryMarkdown.Render(SectionFixtures.WithProbes(SectionFixtures.WebSocket()));

        Assert.That(md, Does.Contain("- websocket **room**: 1200 received, 3 lost (0.25 %), 1 duplicated, 0 reordered"));
    }

    [Test]
    public void Summary_Impairment_ConfiguredAgainstAchieved()
    {
        var md = SummaryMarkdown.Render(ReportFixtures.Results());

        Assert.That(
            md,
            Does.Contain(
                "- impairment **edge** in slow: configured latency downstream (latency 300 ms, jitter 0 ms); achieved api `http_req_duration` median +300 ms (expected +300 ms)"
            )
        );
    }
}
