using Harness.Reports.Compare;

namespace Harness.Tests.Reports.Compare;

public sealed class LocationShiftTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void Compare_MedianUpSignificantlyWhileP95Down_IsRegressed()
    {
        // The field report: p50 54 -> 147 ms, p = 0.0016, while the baseline's slow tail (a busy machine) made its p95 the larger one.
        var random = new Random(3);
        var baseline = NoisyRuns.Run("baseline", Start, 14, 10, (s, i) => i == 9 ? 300 + random.Next(0, 20) : 54 + random.Next(-5, 6));
        var candidate = NoisyRuns.Run("candidate", Start.AddMinutes(1), 14, 10, (s, i) => 147 + random.Next(-5, 6));

        var comparison = RunComparer.Compare(baseline, candidate);
        var steady = comparison.Metrics.Single(m => m.Phase == NoisyRuns.Phase);

        Assert.That(steady.Candidate.P95!.Value, Is.LessThan(steady.Baseline.P95!.Value), "the fixture must move p95 the other way");
        Assert.That(steady.Candidate.P50!.Value, Is.GreaterThan(steady.Baseline.P50!.Value + 80));
        Assert.That(steady.Verdict, Is.EqualTo(ChangeVerdict.Regressed), steady.Reason);
        Assert.That(comparison.Overall, Is.EqualTo(ChangeVerdict.Regressed));
    }

    /// <summary>
    /// Replays an A/B run of scenarios/examples/ab-api-delay.yaml 20 times with seeded noise: 2 rounds a side, 7 s at
    /// 10 requests a second, latency lognormal around 50 ms with 1 % outliers of 0.3-2 s; the candidate 100 ms slower
    /// (or, A/A, the same). Each replay pools its rounds like the A/B command does.
    /// </summary>
    [TestCase(100, "Regressed")]
    [TestCase(0, "Unchanged")]
    public void Compare_TwentySeededNoisyReplays_AtLeastNineteenGetTheRightVerdict(double extraMs, string expectedVerdict)
    {
        var expected = Enum.Parse<ChangeVerdict>(expectedVerdict);
        var verdicts = Enumerable.Range(1, 20).Select(seed => Replay(seed, extraMs)).ToList();
        var right = verdicts.Count(v => v == expected);

        TestContext.Out.WriteLine($"+{extraMs} ms: {right}/20 {expected}; verdicts: {string.Join(", ", verdicts)}");
        Assert.That(right, Is.GreaterThanOrEqualTo(19), string.Join(", ", verdicts));
    }

    private static ChangeVerdict Replay(int seed, double extraMs)
    {
        var random = new Random(seed);
        var sides = new[] { new List<Harness.Reports.Model.RunResults>(), new List<Harness.Reports.Model.RunResults>() };
        var at = Start;
        for (var round = 0; round < 2; round++)
        {
            foreach (var side in round % 2 == 0 ? new[] { 0, 1 } : new[] { 1, 0 })
            {
                var extra = side == 1 ? extraMs : 0;
                sides[side].Add(NoisyRuns.Run($"{round}-{side}", at, 7, 10, (_, _) => NoisyRuns.Latency(random, 50) + extra));
                at = at.AddSeconds(20);
            }
        }
        var comparison = RunComparer.Compare(RoundPooling.Pool("baseline", sides[0]), RoundPooling.Pool("candidate", sides[1]));
        return comparison.Metrics.Single(m => m.Phase == NoisyRuns.Phase).Verdict;
    }
}
