namespace Harness.Testing.Tests;

/// <summary>Thresholds over values a test measured itself: the harness's grammar and summaries, exact values.</summary>
public sealed class MetricSamplesTests
{
    private static MetricSamples OneToHundred()
    {
        var samples = new MetricSamples("rtt");
        for (var i = 1; i <= 100; i++)
            samples.Add(TimeSpan.FromMilliseconds(i));
        return samples;
    }

    [TestCase("p(95) < 96ms", true)]
    [TestCase("p(95) < 95ms", false)]
    [TestCase("max <= 0.1s", true)]
    [TestCase("min > 1ms", false)]
    [TestCase("avg == 50.5", true)]
    [TestCase("count == 100", true)]
    public void Check_OnKnownValues_DecidesExactly(string threshold, bool passes)
    {
        Assert.That(OneToHundred().Check(threshold).Passed, Is.EqualTo(passes));
    }

    [Test]
    public void PassesThreshold_Failing_SaysObservedLimitAndSummary()
    {
        var failure = Assert.Throws<AssertionException>(() => Assert.That(OneToHundred(), Passes.Threshold("p(95) < 50ms")));

        Assert.That(
            failure!.Message,
            Does.Contain("FAIL  rtt: p(95) < 50ms  (p(95) = 95.05ms, limit < 50ms)").And.Contain("100 samples, min 1ms")
        );
    }

    [Test]
    public void Check_Unreadable_SaysWhereAndWhat()
    {
        var error = Assert.Throws<ArgumentException>(() => OneToHundred().Check("p95 < 50ms"));

        Assert.That(error!.Message, Does.Contain("threshold \"p95 < 50ms\", column 1: write percentiles as p(95), not p95"));
    }

    [Test]
    public void Check_NoValues_FailsWithNoData()
    {
        var outcome = new MetricSamples("rtt").Check("max < 1s");

        Assert.That(outcome.Passed, Is.False);
        Assert.That(outcome.Detail, Is.EqualTo("max = no data, limit < 1000ms"));
    }
}
