using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Analysis;
using Harness.Reports.Compare;
using Harness.Reports.Model;

namespace Harness.Tests.Reports.Compare;

public sealed class RoundPoolingTests
{
    private static readonly TimeSpan Gap = TimeSpan.FromMinutes(1);

    [Test]
    public void Pool_TwoRounds_KeepsEverySecondOfEachRoundInItsOwnPhase()
    {
        var smoke = ReportFixtures.Smoke();
        var second = RoundFixtures.Later(smoke, Gap, "r2");

        var pooled = RoundPooling.Pool("baseline", [smoke, second]);

        var one = Metric(smoke, "api", MetricNames.HttpReqDuration);
        var both = Metric(pooled, "api", MetricNames.HttpReqDuration);
        Assert.That(both.Timeline, Has.Count.EqualTo(2 * one.Timeline!.Count));
        foreach (var phase in new[] { "baseline", "degraded" })
        {
            Assert.That(
                PhaseWindows.In(pooled.Phases, both.Timeline!, phase).Count(),
                Is.EqualTo(2 * PhaseWindows.In(smoke.Phases, one.Timeline!, phase).Count()),
                phase
            );
        }
        Assert.That(pooled.Phases, Has.Count.EqualTo(2 * smoke.Phases.Count));
        Assert.That((pooled.RunId, pooled.StartedAt, pooled.FinishedAt), Is.EqualTo(("baseline", smoke.StartedAt, second.FinishedAt)));
    }

    [Test]
    public void Pool_IdenticalRounds_KeepsTheFiguresAndAddsTheCounts()
    {
        var smoke = ReportFixtures.Smoke();

        var pooled = RoundPooling.Pool("baseline", [smoke, RoundFixtures.Later(smoke, Gap, "r2")]);

        var one = Metric(smoke, "api", MetricNames.HttpReqDuration).All;
        var both = Metric(pooled, "api", MetricNames.HttpReqDuration).All;
        Assert.That(both.Samples, Is.EqualTo(2 * one.Samples));
        Assert.That((both.Med, both.P95, both.Min, both.Max), Is.EqualTo((one.Med, one.P95, one.Min, one.Max)));
        Assert.That(both.Avg, Is.EqualTo(one.Avg).Within(1e-9));
    }

    [Test]
    public void Summary_Trends_AreExactMeanAndSampleWeightedPercentiles()
    {
        var a = new MetricSummary(MetricKind.Trend, 100, 100, null, 10, 50, 20, 20, 30, 40, 45);
        var b = new MetricSummary(MetricKind.Trend, 300, 300, null, 5, 90, 60, 60, 70, 80, 85);

        var pooled = RoundPooling.Summary([a, b]);

        // Mean: (100*20 + 300*60) / 400 = 50, which is exact; percentiles weighted the same way: (100*40 + 300*80) / 400 = 70.
        Assert.That(
            (pooled.Samples, pooled.Min, pooled.Max, pooled.Avg, pooled.Med, pooled.P95),
            Is.EqualTo((400L, (double?)5, (double?)90, (double?)50, (double?)50, (double?)70))
        );
    }

    [Test]
    public void Summary_RatesAndCounters_PoolTheShareAndAverageTheRate()
    {
        var rate = RoundPooling.Summary([
            new MetricSummary(MetricKind.Rate, 100, 10, 0.1, null, null, null, null, null, null, null),
            new MetricSummary(MetricKind.Rate, 300, 0, 0, null, null, null, null, null, null, null),
        ]);
        var counter = RoundPooling.Summary([
            new MetricSummary(MetricKind.Counter, 40, 40, 4, null, null, null, null, null, null, null),
            new MetricSummary(MetricKind.Counter, 60, 60, 6, null, null, null, null, null, null, null),
        ]);

        Assert.That(
            (rate.Samples, rate.Count, rate.Rate),
            Is.EqualTo((400L, 10.0, (double?)0.025)),
            "10 failures of 400, not the mean of 10 % and 0 %"
        );
        Assert.That((counter.Count, counter.Rate), Is.EqualTo((100.0, (double?)5)));
    }

    [Test]
    public void Summary_TrendWithoutSamplesInARound_IgnoresThatRound()
    {
        var pooled = RoundPooling.Summary([
            new MetricSummary(MetricKind.Trend, 0, 0, null, null, null, null, null, null, null, null),
            new MetricSummary(MetricKind.Trend, 10, 10, null, 1, 9, 5, 5, 8, 8.5, 9),
        ]);

        Assert.That((pooled.Samples, pooled.Med, pooled.P95), Is.EqualTo((10L, (double?)5, (double?)8.5)));
    }

    [Test]
    public void Compare_PooledRoundsOfTheSameRun_IsUnchanged()
    {
        var smoke = ReportFixtures.Smoke();
        var baseline = RoundPooling.Pool("b", [smoke, RoundFixtures.Later(smoke, 3 * Gap, "b2")]);
        var candidate = RoundPooling.Pool("c", [RoundFixtures.Later(smoke, Gap, "c1"), RoundFixtures.Later(smoke, 2 * Gap, "c2")]);

        var comparison = RunComparer.Compare(baseline, candidate);

        Assert.That(comparison.Overall, Is.EqualTo(ChangeVerdict.Unchanged));
        Assert.That(comparison.Notes, Is.Empty);
    }

    [Test]
    public void Compare_PooledRoundsWithHundredMillisecondsMore_RegressesWithTwiceTheSeconds()
    {
        var smoke = ReportFixtures.Smoke();
        var baseline = RoundPooling.Pool("b", [smoke, RoundFixtures.Later(smoke, 3 * Gap, "b2")]);
        var slower = ReportFixtures.WithExtraLatency(smoke, 100);
        var candidate = RoundPooling.Pool("c", [RoundFixtures.Later(slower, Gap, "c1"), RoundFixtures.Later(slower, 2 * Gap, "c2")]);

        var comparison = RunComparer.Compare(baseline, candidate);
        var single = RunComparer.Compare(smoke, slower);

        Assert.That(comparison.Overall, Is.EqualTo(ChangeVerdict.Regressed));
        var pooled = comparison.Metrics.Single(m => (m.Probe, m.Metric, m.Phase) == ("api", MetricNames.HttpReqDuration, "degraded"));
        var one = single.Metrics.Single(m => (m.Probe, m.Metric, m.Phase) == ("api", MetricNames.HttpReqDuration, "degraded"));
        Assert.That(pooled.Verdict, Is.EqualTo(ChangeVerdict.Regressed));
        Assert.That(pooled.Baseline.Seconds, Is.EqualTo(2 * one.Baseline.Seconds));
        Assert.That(pooled.PValue, Is.LessThan(one.PValue!.Value), "twice the seconds, a stronger test");
        Assert.That(pooled.Delta(f => f.P50), Is.EqualTo(100).Within(1e-9));
    }

    [Test]
    public void Pool_NoRounds_Throws() => Assert.Throws<ArgumentException>(() => RoundPooling.Pool("none", []));

    private static MetricResult Metric(RunResults results, string probe, string metric) =>
        results.Probes.Single(p => p.Name == probe).Metrics.Single(m => m.Name == metric);
}
