using Harness.Metrics.Thresholds;

namespace Harness.Tests.Metrics;

public sealed class ThresholdEvaluatorTests
{
    private static ThresholdExpression Parse(string text) => ThresholdParser.Parse(text).Expression!;

    [Test]
    public void Evaluate_PercentileUnderLimit_Holds()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        var outcome = ThresholdEvaluator.Evaluate(Parse("http_req_duration p(95) < 96ms"), values, TimeSpan.FromSeconds(10), probeActive: true);

        Assert.That(outcome.Passed, Is.True);
        Assert.That(outcome.Observed, Is.EqualTo(95.05).Within(1).Percent, "histogram percentiles are within 1%");
    }

    [Test]
    public void Evaluate_RateOverLimit_IsViolated()
    {
        var outcome = ThresholdEvaluator.Evaluate(Parse("http_req_failed rate < 10%"), [0, 0, 1, 0, 1], TimeSpan.FromSeconds(1), probeActive: true);

        Assert.That(outcome.Passed, Is.False);
        Assert.That(outcome.Observed, Is.EqualTo(0.4));
    }

    [Test]
    public void Evaluate_TrendWithoutSamples_FailsInsteadOfPassingSilently()
    {
        var outcome = ThresholdEvaluator.Evaluate(Parse("ws_rtt p(95) < 100ms"), [], TimeSpan.FromSeconds(1), probeActive: true);

        Assert.That(outcome.Passed, Is.False);
        Assert.That(outcome.Observed, Is.Null);
        Assert.That(outcome.Detail, Does.Contain("no ws_rtt samples"));
    }

    [Test]
    public void Evaluate_CounterNeverIncrementedByActiveProbe_CountsZero()
    {
        var outcome = ThresholdEvaluator.Evaluate(Parse("ws_msgs_lost count == 0"), [], TimeSpan.FromSeconds(1), probeActive: true);

        Assert.That(outcome.Passed, Is.True);
        Assert.That(outcome.Observed, Is.Zero);
    }

    [Test]
    public void Evaluate_CounterOfProbeThatRecordedNothing_Fails()
    {
        var outcome = ThresholdEvaluator.Evaluate(Parse("ws_msgs_lost count == 0"), [], TimeSpan.FromSeconds(1), probeActive: false);

        Assert.That(outcome.Passed, Is.False);
    }
}
