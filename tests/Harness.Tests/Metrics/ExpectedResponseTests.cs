using Harness.Metrics;
using Harness.Metrics.Thresholds;
using Harness.Probes.Abstractions;

namespace Harness.Tests.Metrics;

/// <summary>
/// Latency metrics are judged on expected responses only (k6's <c>expected_response</c> tag), unless a
/// threshold's tag scope names the outcome (expected_response, error or status).
/// </summary>
public sealed class ExpectedResponseTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SampleTags Tags(bool expected, string status) =>
        new("api", "baseline", new Dictionary<string, string> { ["expected_response"] = expected ? "true" : "false", ["status"] = status });

    private static ThresholdOutcome Evaluate(MetricStore store, string source, TagFilter? tags = null) =>
        ThresholdEvaluator.Evaluate(ThresholdParser.Parse(source).Expression!, "api", tags, store, TimeSpan.FromSeconds(10));

    [Test]
    public void LatencyThreshold_EveryRequestFailed_HasNoSamplesAndFails()
    {
        var store = new MetricStore();
        for (var i = 0; i < 10; i++)
        {
            store.Add(new Sample(MetricNames.HttpReqDuration, 1, At, Tags(false, "error")));
            store.Add(new Sample(MetricNames.HttpReqFailed, 1, At, Tags(false, "error")));
        }

        var outcome = Evaluate(store, "http_req_duration p(95) < 700");

        Assert.That((outcome.Passed, outcome.Observed), Is.EqualTo((false, (double?)null)), outcome.Detail);
        Assert.That(Evaluate(store, "http_req_failed rate < 0.05").Observed, Is.EqualTo(1), "rates still count every request");
    }

    [Test]
    public void LatencyThreshold_MixedResponses_CountsExpectedOnly()
    {
        var store = new MetricStore();
        for (var i = 0; i < 10; i++)
            store.Add(new Sample(MetricNames.HttpReqDuration, 100, At, Tags(true, "200")));
        for (var i = 0; i < 10; i++)
            store.Add(new Sample(MetricNames.HttpReqDuration, 9000, At, Tags(false, "503")));

        Assert.That(Evaluate(store, "http_req_duration max < 200").Observed, Is.EqualTo(100).Within(1).Percent);
        Assert.That(store.Summarize("api", MetricNames.HttpReqDuration, null, TimeSpan.FromSeconds(10)).Samples, Is.EqualTo(10));
    }

    [TestCase("expected_response", "false")]
    [TestCase("status", "503")]
    public void LatencyThreshold_ScopedToTheOutcome_SeesUnexpectedResponses(string tag, string value)
    {
        var scope = TagFilter.Of((tag, value));
        var store = new MetricStore([new TagScope("api", MetricNames.HttpReqDuration, scope)]);
        for (var i = 0; i < 10; i++)
            store.Add(new Sample(MetricNames.HttpReqDuration, 9000, At, Tags(false, "503")));

        Assert.That(Evaluate(store, "http_req_duration min > 5000", scope).Observed, Is.EqualTo(9000).Within(1).Percent);
    }

    [Test]
    public void LatencyThreshold_ScopedToAnotherTag_StillExpectedOnly()
    {
        var scope = TagFilter.Of(("participant", "api"));
        var store = new MetricStore([new TagScope("api", MetricNames.HttpReqDuration, scope)]);
        var extra = new Dictionary<string, string> { ["participant"] = "api", ["expected_response"] = "false" };
        var tags = new SampleTags("api", "baseline", extra);
        store.Add(new Sample(MetricNames.HttpReqDuration, 9000, At, tags));
        store.Add(new Sample(MetricNames.HttpReqDuration, 100, At, tags.With("expected_response", "true")));

        Assert.That(Evaluate(store, "http_req_duration max < 200", scope).Observed, Is.EqualTo(100).Within(1).Percent);
    }

    [Test]
    public void Histograms_OfUnexpectedResponses_KeptOutOfTheDefaultLatency()
    {
        var store = new MetricStore();
        var failed = new LogLinearHistogram();
        failed.Record(9000);
        var ok = new LogLinearHistogram();
        ok.Record(100);
        store.AddHistogram(MetricNames.HttpReqDuration, Tags(false, "error"), At, failed);
        store.AddHistogram(MetricNames.HttpReqDuration, Tags(true, "200"), At, ok);

        Assert.That(Evaluate(store, "http_req_duration max < 200").Observed, Is.EqualTo(100).Within(1).Percent);
    }
}
