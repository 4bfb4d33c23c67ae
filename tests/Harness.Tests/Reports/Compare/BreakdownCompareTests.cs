using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Compare;
using Harness.Reports.Model;

namespace Harness.Tests.Reports.Compare;

public sealed class BreakdownCompareTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A browser probe's steps 1 to 4 for 20 s, one sample per step per second; step 4 takes <paramref name="step4Ms"/>.</summary>
    private static RunResults Run(string id, DateTimeOffset start, double step4Ms, int seed)
    {
        var random = new Random(seed);
        var store = new MetricStore();
        for (var s = 0; s < 20; s++)
        {
            for (var step = 1; step <= 4; step++)
            {
                var ms = (step == 4 ? step4Ms : 200) + random.Next(-20, 21);
                store.Add(
                    new Sample(
                        MetricNames.BrowserStepDuration,
                        ms,
                        start.AddSeconds(s + step * 0.2),
                        new SampleTags("join", "steady").With("step", step.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    )
                );
            }
        }
        var window = TimeSpan.FromSeconds(20);
        var windows = new Dictionary<string, TimeSpan> { ["steady"] = window };
        const string Metric = MetricNames.BrowserStepDuration;
        var metric = new MetricResult(
            Metric,
            "trend",
            "ms",
            store.Summarize("join", Metric, null, window),
            new Dictionary<string, MetricSummary> { ["steady"] = store.Summarize("join", Metric, "steady", window) },
            store.Timeline("join", MetricNames.BrowserStepDuration)
        )
        {
            Breakdown = store.Breakdowns.Results("join", MetricNames.BrowserStepDuration, windows, window),
        };
        return Harness.Tests.Reports.ReportFixtures.Smoke() with
        {
            RunId = id,
            StartedAt = start,
            FinishedAt = start + window,
            Phases = [new PhaseResult("steady", start, start + window, window.TotalMilliseconds, [])],
            Probes = [new ProbeResult("join", "browser", "http://liveroom.test/room/1", [metric])],
            Thresholds = [],
            Events = [],
        };
    }

    [Test]
    public void Compare_ByStep_NamesTheOneStepThatRegressed()
    {
        var baseline = Run("baseline", Start, 200, 1);
        var candidate = Run("candidate", Start.AddMinutes(1), 300, 2);

        var comparison = RunComparer.Compare(baseline, candidate, ["step"]);

        var steps = comparison.Metrics.Where(m => m.Tag is not null && m.Phase == "steady").ToDictionary(m => m.Tag!, m => m.Verdict);
        Assert.That(
            steps,
            Is.EqualTo(
                new Dictionary<string, ChangeVerdict>
                {
                    ["step=1"] = ChangeVerdict.Unchanged,
                    ["step=2"] = ChangeVerdict.Unchanged,
                    ["step=3"] = ChangeVerdict.Unchanged,
                    ["step=4"] = ChangeVerdict.Regressed,
                }
            )
        );
        Assert.That(
            CompareMarkdown.Render(comparison),
            Does.Contain("- **regressed**: join \\[step=4\\] `browser_step_duration` in steady: shift +")
        );
        Assert.That(CompareJson.Render(comparison), Does.Contain("\"tag\": \"step=4\""));
    }

    [Test]
    public void Compare_WithoutBy_HasNoBreakdownRows_AndAnUnknownTagIsANote()
    {
        var baseline = Run("baseline", Start, 200, 1);
        var candidate = Run("candidate", Start.AddMinutes(1), 300, 2);

        Assert.That(RunComparer.Compare(baseline, candidate).Metrics.Where(m => m.Tag is not null), Is.Empty);
        Assert.That(
            RunComparer.Compare(baseline, candidate, ["client_version"]).Notes,
            Has.Some.Contains("--by client_version: no metric carried")
        );
    }

    [Test]
    public void Pool_Rounds_KeepsTheBreakdownSoAnAbRunCanBreakDownToo()
    {
        var pooled = RoundPooling.Pool("baseline", [Run("1", Start, 200, 1), Run("2", Start.AddMinutes(1), 200, 3)]);

        var step4 = pooled.Probes[0].Metrics[0].Breakdown.Single(b => b.Value == "4");
        Assert.That(step4.All.Samples, Is.EqualTo(40));
        Assert.That(step4.Timeline, Has.Count.EqualTo(40));
    }
}
