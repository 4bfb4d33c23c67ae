using Harness.Metrics;
using Harness.Metrics.Thresholds;
using Harness.Probes.Abstractions;

namespace Harness.Tests.Metrics;

public sealed class ThresholdEvaluatorTests
{
    private static ThresholdExpression Parse(string text) => ThresholdParser.Parse(text).Expression!;

    [Test]
    public void Evaluate_PercentileUnderLimit_Holds()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        var outcome = ThresholdEvaluator.Evaluate(
            Parse("http_req_duration p(95) < 96ms"),
            values,
            TimeSpan.FromSeconds(10),
            probeActive: true
        );

        Assert.That(outcome.Passed, Is.True);
        Assert.That(outcome.Observed, Is.EqualTo(95.05).Within(1).Percent, "histogram percentiles are within 1%");
    }

    [Test]
    public void Evaluate_RateOverLimit_IsViolated()
    {
        var outcome = ThresholdEvaluator.Evaluate(
            Parse("http_req_failed rate < 10%"),
            [0, 0, 1, 0, 1],
            TimeSpan.FromSeconds(1),
            probeActive: true
        );

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

public sealed class ScopedThresholdEvaluatorTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TagFilter Student = TagFilter.Of(("participant", "student"));

    private static ThresholdExpression Parse(string text) => ThresholdParser.Parse(text).Expression!;

    private static MetricStore StoreWith(params TagScope[] scopes)
    {
        var store = new MetricStore(scopes);
        void Add(string phase, string who, double duration) =>
            store.Add(
                new Sample(
                    "browser_step_duration",
                    duration,
                    At,
                    new SampleTags("join", phase, new Dictionary<string, string> { ["participant"] = who })
                )
            );
        Add("baseline", "teacher", 100);
        Add("baseline", "student", 150);
        Add("offline", "teacher", 120);
        Add("offline", "student", 9000);
        return store;
    }

    [Test]
    public void Evaluate_TagScope_JudgesOnlyThatParticipant()
    {
        var store = StoreWith(new TagScope("join", "browser_step_duration", Student));
        var expression = Parse("browser_step_duration{participant:student} max < 1s");

        var scoped = ThresholdEvaluator.Evaluate(expression, "join", Student, store, TimeSpan.FromSeconds(2));
        var teacher = ThresholdEvaluator.Evaluate(Parse("browser_step_duration max < 1s"), "join", null, store, TimeSpan.FromSeconds(2));

        Assert.That((scoped.Passed, scoped.Observed), Is.EqualTo((false, 9000.0)));
        Assert.That((teacher.Passed, teacher.Observed), Is.EqualTo((false, 9000.0)), "unscoped sees everyone");
    }

    [Test]
    public void Evaluate_TagAndPhaseScope_Intersect()
    {
        var store = StoreWith(new TagScope("join", "browser_step_duration", Student));

        var outcome = ThresholdEvaluator.Evaluate(
            Parse("browser_step_duration{phase:baseline,participant:student} max < 1s"),
            "join",
            Student,
            store,
            TimeSpan.FromSeconds(1)
        );

        Assert.That((outcome.Passed, outcome.Observed), Is.EqualTo((true, 150.0)));
    }

    [Test]
    public void Evaluate_TagScopeWithoutSamples_FailsNamingTheScope()
    {
        var nobody = TagFilter.Of(("participant", "guest"));
        var store = StoreWith(new TagScope("join", "browser_step_duration", nobody));

        var outcome = ThresholdEvaluator.Evaluate(
            Parse("browser_step_duration{participant:guest} p(95) < 1s"),
            "join",
            nobody,
            store,
            TimeSpan.FromSeconds(1)
        );

        Assert.That(outcome.Passed, Is.False);
        Assert.That(
            outcome.Detail,
            Is.EqualTo("no browser_step_duration samples were recorded tagged participant:guest, so the threshold cannot hold")
        );
    }

    [Test]
    public void Evaluate_CounterOfActiveScope_CountsZero()
    {
        var store = StoreWith(new TagScope("join", "browser_page_errors", Student));
        store.Add(
            new Sample(
                "browser_page_errors",
                1,
                At,
                new SampleTags("join", "baseline", new Dictionary<string, string> { ["participant"] = "teacher" })
            )
        );

        var outcome = ThresholdEvaluator.Evaluate(
            Parse("browser_page_errors{participant:student} count == 0"),
            "join",
            Student,
            store,
            TimeSpan.FromSeconds(1)
        );

        Assert.That((outcome.Passed, outcome.Observed), Is.EqualTo((true, 0.0)), "the teacher's error is not the student's");
    }
}
