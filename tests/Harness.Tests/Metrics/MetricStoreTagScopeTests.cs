using Harness.Metrics;
using Harness.Probes.Abstractions;

namespace Harness.Tests.Metrics;

public sealed class MetricStoreTagScopeTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TagFilter Alice = TagFilter.Of(("participant", "alice"));

    private static SampleTags Tags(string phase, params (string Key, string Value)[] extra) =>
        new("join", phase, extra.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    [Test]
    public void Summarize_WithTagScope_KeepsOnlyMatchingSamples()
    {
        var store = new MetricStore([new TagScope("join", "browser_step_duration", Alice)]);
        foreach (var v in new[] { 100.0, 200, 300 })
            store.Add(new Sample("browser_step_duration", v, At, Tags("p", ("participant", "alice"), ("step", "0"))));
        foreach (var v in new[] { 5000.0, 6000 })
            store.Add(new Sample("browser_step_duration", v, At, Tags("p", ("participant", "bob"))));

        var alice = store.Summarize("join", "browser_step_duration", null, TimeSpan.FromSeconds(1), Alice);
        var all = store.Summarize("join", "browser_step_duration", null, TimeSpan.FromSeconds(1));

        Assert.That((alice.Samples, alice.Max), Is.EqualTo((3L, 300.0)));
        Assert.That((all.Samples, all.Max), Is.EqualTo((5L, 6000.0)), "the plain series still sees every sample");
    }

    [Test]
    public void Summarize_WithTagScope_SplitsByPhaseLikeThePlainSeries()
    {
        var store = new MetricStore([new TagScope("join", "checks", Alice)]);
        store.Add(new Sample("checks", 1, At, Tags("baseline", ("participant", "alice"))));
        store.Add(new Sample("checks", 0, At, Tags("offline", ("participant", "alice"))));
        store.Add(new Sample("checks", 0, At, Tags("offline", ("participant", "alice"))));

        Assert.That(store.Summarize("join", "checks", "baseline", TimeSpan.FromSeconds(1), Alice).Rate, Is.EqualTo(1));
        Assert.That(store.Summarize("join", "checks", "offline", TimeSpan.FromSeconds(1), Alice).Rate, Is.Zero);
    }

    [Test]
    public void Add_AcceptsEveryValueOfACondition()
    {
        var students = new TagFilter([new TagCondition("participant", "student", ["student-1", "student-2"])]);
        var store = new MetricStore([new TagScope("join", "checks", students)]);
        foreach (var who in new[] { "student-1", "student-2", "teacher" })
            store.Add(new Sample("checks", 1, At, Tags("p", ("participant", who))));

        Assert.That(store.Summarize("join", "checks", null, TimeSpan.FromSeconds(1), students).Count, Is.EqualTo(2));
    }

    [Test]
    public void Add_KeepsSeriesOnlyForTheScopesAsked_NotForEveryTagValue()
    {
        var store = new MetricStore([new TagScope("join", "checks", Alice)]);

        for (var i = 0; i < 1000; i++)
            store.Add(new Sample("checks", 1, At, Tags("p", ("participant", $"user-{i}"), ("check", $"c{i}"))));
        store.Add(new Sample("checks", 1, At, Tags("p", ("participant", "alice"))));

        // One plain series and one scoped series: a thousand tag values cost nothing.
        Assert.That(store.Keys, Has.Count.EqualTo(1));
        Assert.That(store.Summarize("join", "checks", null, TimeSpan.FromSeconds(1), Alice).Samples, Is.EqualTo(1));
        Assert.That(
            store.Summarize("join", "checks", null, TimeSpan.FromSeconds(1), TagFilter.Of(("participant", "user-3"))).Samples,
            Is.Zero,
            "a scope nobody declared is not kept"
        );
    }

    [Test]
    public void AddHistogram_WithTagScope_MergesACopyIntoTheScopedSeries()
    {
        var scope = TagFilter.Of(("status", "200"));
        var store = new MetricStore([new TagScope("load", "http_req_duration", scope)]);
        var ok = new LogLinearHistogram();
        for (var i = 1; i <= 100; i++)
            ok.Record(i);
        var failed = new LogLinearHistogram();
        failed.Record(9000);

        store.AddHistogram("http_req_duration", new SampleTags("load", "p", new Dictionary<string, string> { ["status"] = "200" }), At, ok);
        store.AddHistogram(
            "http_req_duration",
            new SampleTags("load", "p", new Dictionary<string, string> { ["status"] = "503" }),
            At,
            failed
        );

        var scoped = store.Summarize("load", "http_req_duration", null, TimeSpan.FromSeconds(1), scope);
        var all = store.Summarize("load", "http_req_duration", null, TimeSpan.FromSeconds(1));
        Assert.That((scoped.Samples, all.Samples), Is.EqualTo((100L, 101L)));
        Assert.That(scoped.Max, Is.EqualTo(100).Within(1).Percent);
    }

    [Test]
    public void TagFilter_WrittenInAnyOrder_IsOneFilter()
    {
        var a = TagFilter.Of(("role", "student"), ("participant", "alice"));
        var b = TagFilter.Of(("participant", "alice"), ("role", "student"));

        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a.Text, Is.EqualTo("participant:alice,role:student"));
        Assert.That(
            a.Matches(new SampleTags("x", "p", new Dictionary<string, string> { ["participant"] = "alice" })),
            Is.False,
            "every tag must match"
        );
        Assert.That(a.Matches(new SampleTags("x", "p")), Is.False, "a sample without tags matches no scope");
    }
}
