using Harness.Metrics.Thresholds;

namespace Harness.Tests.Metrics;

public sealed class ThresholdParserTests
{
    [TestCase("http_req_duration p(95) < 300ms", "http_req_duration", null, Aggregation.Percentile, ComparisonOperator.Less, 300)]
    [TestCase(
        "http_req_duration{phase:slow} p(99.9)<=1.5s",
        "http_req_duration",
        "slow",
        Aggregation.Percentile,
        ComparisonOperator.LessOrEqual,
        1500
    )]
    [TestCase("ws_rtt med > 190", "ws_rtt", null, Aggregation.Med, ComparisonOperator.Greater, 190)]
    [TestCase("http_req_failed rate < 1%", "http_req_failed", null, Aggregation.Rate, ComparisonOperator.Less, 0.01)]
    [TestCase("http_req_failed rate == 0", "http_req_failed", null, Aggregation.Rate, ComparisonOperator.Equal, 0)]
    [TestCase("ws_msgs_lost count == 0", "ws_msgs_lost", null, Aggregation.Count, ComparisonOperator.Equal, 0)]
    [TestCase("ws_msgs_received count >= 100", "ws_msgs_received", null, Aggregation.Count, ComparisonOperator.GreaterOrEqual, 100)]
    [TestCase("ws_frame_delay avg != 5ms", "ws_frame_delay", null, Aggregation.Avg, ComparisonOperator.NotEqual, 5)]
    public void Parse_ValidExpression_ReadsEveryPart(
        string text,
        string metric,
        string? phase,
        Aggregation aggregation,
        ComparisonOperator op,
        double limit
    )
    {
        var (expression, error) = ThresholdParser.Parse(text);

        Assert.That(error, Is.Null);
        Assert.That(expression!.Metric, Is.EqualTo(metric));
        Assert.That(expression.Phase, Is.EqualTo(phase));
        Assert.That(expression.Aggregation, Is.EqualTo(aggregation));
        Assert.That(expression.Operator, Is.EqualTo(op));
        Assert.That(expression.Limit, Is.EqualTo(limit).Within(1e-9));
    }

    [TestCase("http_req_duration p95 < 300ms", "write percentiles as p(95), not p95")]
    [TestCase("http_req_durations p(95) < 300ms", "unknown metric 'http_req_durations' (did you mean 'http_req_duration'?)")]
    [TestCase("http_req_duration rate < 1%", "'rate' does not apply to http_req_duration")]
    [TestCase("http_req_failed rate < 5", "a rate is a share")]
    [TestCase("http_req_duration p(95) < 300%", "unit '%' does not fit")]
    [TestCase("http_req_duration{status} p(95) < 3s", "unsupported scope 'status'")]
    [TestCase("http_req_duration{} p(95) < 3s", "unsupported scope")]
    [TestCase("http_req_duration{status:200,status:500} p(95) < 3s", "'status' appears twice")]
    [TestCase("http_req_duration{phase:a,phase:b} p(95) < 3s", "'phase' appears twice")]
    [TestCase("http_req_duration{status-code:200} p(95) < 3s", "unsupported scope 'status-code:200'")]
    [TestCase("http_req_duration p(95) 300ms", "cannot read threshold")]
    [TestCase("http_req_duration p(101) < 3s", "between 0 and 100")]
    public void Parse_InvalidExpression_ExplainsWhy(string text, string expected)
    {
        var (expression, error) = ThresholdParser.Parse(text);

        Assert.That(expression, Is.Null);
        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void Parse_BadAggregation_PointsAtIt()
    {
        var (_, error) = ThresholdParser.Parse("ws_rtt mean < 3ms");

        Assert.That(error!.Column, Is.EqualTo("ws_rtt ".Length));
    }

    [Test]
    public void Parse_TagsBesideThePhase_KeepsEachWithItsColumn()
    {
        const string text = "  browser_step_duration{phase:degraded, participant:student-2,role:student} p(95) < 2s";

        var (expression, error) = ThresholdParser.Parse(text);

        Assert.That(error, Is.Null);
        Assert.That(expression!.Phase, Is.EqualTo("degraded"));
        Assert.That(
            expression.Tags.Select(t => (t.Name, t.Value)),
            Is.EqualTo(new[] { ("participant", "student-2"), ("role", "student") })
        );
        Assert.That(
            expression.Tags.Select(t => text[t.Column..].Split(',')[0]),
            Is.EqualTo(new[] { "participant:student-2", "role:student} p(95) < 2s" })
        );
    }

    [Test]
    public void Parse_TagsOnly_LeavesThePhaseEmpty()
    {
        var (expression, _) = ThresholdParser.Parse("checks{check:open browser context} rate == 100%");

        Assert.That(expression!.Phase, Is.Null);
        Assert.That(expression.Tags.Single(), Is.EqualTo(new ThresholdTag("check", "open browser context", "checks{".Length)));
    }

    [Test]
    public void Parse_BadTagPair_PointsAtThePair()
    {
        const string text = "ws_rtt{phase:a, role} p(95) < 3ms";

        var (_, error) = ThresholdParser.Parse(text);

        Assert.That(error!.Column, Is.EqualTo(text.IndexOf("role", StringComparison.Ordinal)));
    }
}
