using Harness.Metrics;
using Harness.Metrics.Thresholds;
using Harness.Probes.Abstractions;

namespace Harness.Tests.Metrics;

/// <summary>"Zero events of kind X" must be sayable: a tag value never seen counts 0, it is not "no data".</summary>
public sealed class UnseenTagValueTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private static ThresholdExpression Parse(string text) => ThresholdParser.Parse(text).Expression!;

    private static SampleTags Tags(string probe, string phase, params (string Key, string Value)[] extra) =>
        new(probe, phase, extra.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    /// <summary>A healthy HTTP probe: every request 200, none failed.</summary>
    private static MetricStore HealthyHttp(params TagScope[] scopes)
    {
        var store = new MetricStore(scopes);
        for (var i = 0; i < 5; i++)
        {
            store.Add(new Sample("http_req_failed", 0, At, Tags("api", "a", ("status", "200"))));
            store.Add(new Sample("http_req_duration", 20, At, Tags("api", "a", ("status", "200"))));
        }
        return store;
    }

    [TestCase("http_req_failed{status:504} count == 0")]
    [TestCase("http_req_failed{status:504} rate == 0")]
    [TestCase("http_req_failed{status:504} rate < 1%")]
    [TestCase("http_req_duration{status:504} count == 0")]
    public void Evaluate_CountOrRateOfTagValueNeverSeen_IsZero(string text)
    {
        var expression = Parse(text);
        var scope = TagFilter.Of(("status", "504"));
        var store = HealthyHttp(new TagScope("api", expression.Metric, scope));

        var outcome = ThresholdEvaluator.Evaluate(expression, "api", scope, store, Window);

        Assert.That((outcome.Passed, outcome.Observed), Is.EqualTo((true, (double?)0.0)), outcome.Detail);
    }

    [Test]
    public void Evaluate_WsDisconnectsOfCauseNeverSeen_CountsZero()
    {
        var scope = TagFilter.Of(("cause", "4504"));
        var store = new MetricStore([new TagScope("room", "ws_disconnects", scope)]);
        store.Add(new Sample("ws_msgs_received", 1, At, Tags("room", "a", ("client", "1"))));
        store.Add(new Sample("ws_rtt", 12, At, Tags("room", "a", ("client", "1"))));

        var outcome = ThresholdEvaluator.Evaluate(Parse("ws_disconnects{cause:4504} count == 0"), "room", scope, store, Window);

        Assert.That((outcome.Passed, outcome.Observed), Is.EqualTo((true, (double?)0.0)), outcome.Detail);
    }

    [Test]
    public void Evaluate_PercentileOfTagValueNeverSeen_StaysNoData()
    {
        var scope = TagFilter.Of(("status", "504"));
        var store = HealthyHttp(new TagScope("api", "http_req_duration", scope));

        var outcome = ThresholdEvaluator.Evaluate(Parse("http_req_duration{status:504} p(95) < 1s"), "api", scope, store, Window);

        Assert.That((outcome.Passed, outcome.Observed), Is.EqualTo((false, (double?)null)));
        Assert.That(outcome.Detail, Does.Contain("no http_req_duration samples"));
    }

    [Test]
    public void Evaluate_CountOfTagValueInPhaseWhereProbeRecordedNothing_StaysNoData()
    {
        var scope = TagFilter.Of(("status", "504"));
        var store = HealthyHttp(new TagScope("api", "http_req_failed", scope));

        var outcome = ThresholdEvaluator.Evaluate(Parse("http_req_failed{phase:b,status:504} count == 0"), "api", scope, store, Window);

        Assert.That((outcome.Passed, outcome.Observed), Is.EqualTo((false, (double?)null)), "a probe that measured nothing proves nothing");
    }

    [Test]
    public void Evaluate_RateOfFailuresWithNoSamplesFromActiveProbe_IsZero()
    {
        var outcome = ThresholdEvaluator.Evaluate(Parse("checks rate == 0"), [], Window, probeActive: true);

        Assert.That((outcome.Passed, outcome.Observed), Is.EqualTo((true, (double?)0.0)));
    }
}
