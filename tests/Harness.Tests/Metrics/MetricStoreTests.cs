using Harness.Metrics;
using Harness.Probes.Abstractions;

namespace Harness.Tests.Metrics;

public sealed class MetricStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Summarize_SplitsSeriesByPhase()
    {
        var store = new MetricStore();
        foreach (var v in new[] { 10.0, 20, 30 })
            store.Add(new Sample("ws_rtt", v, At, new SampleTags("echo", "baseline")));
        foreach (var v in new[] { 210.0, 220 })
            store.Add(new Sample("ws_rtt", v, At, new SampleTags("echo", "degraded")));

        var baseline = store.Summarize("echo", "ws_rtt", "baseline", TimeSpan.FromSeconds(1));
        var all = store.Summarize("echo", "ws_rtt", null, TimeSpan.FromSeconds(2));

        Assert.That(baseline.Samples, Is.EqualTo(3));
        Assert.That(baseline.Med, Is.EqualTo(20).Within(1).Percent);
        Assert.That(all.Max, Is.EqualTo(220));
        Assert.That(all.Avg, Is.EqualTo(98));
    }

    [Test]
    public void Summarize_CounterPerSecond_UsesWindow()
    {
        var store = new MetricStore();
        for (var i = 0; i < 40; i++)
            store.Add(new Sample("ws_msgs_received", 1, At, new SampleTags("room", "p")));

        var summary = store.Summarize("room", "ws_msgs_received", "p", TimeSpan.FromSeconds(2));

        Assert.That(summary.Count, Is.EqualTo(40));
        Assert.That(summary.Rate, Is.EqualTo(20));
    }

    [Test]
    public async Task Add_FromManyThreads_KeepsEverySample()
    {
        var store = new MetricStore();

        await Task.WhenAll(
            Enumerable
                .Range(0, 8)
                .Select(t =>
                    Task.Run(() =>
                    {
                        for (var i = 0; i < 10_000; i++)
                            store.Add(new Sample("http_reqs", 1, At, new SampleTags("api", "p")));
                    })
                )
        );

        Assert.That(store.Summarize("api", "http_reqs", null, TimeSpan.FromSeconds(1)).Count, Is.EqualTo(80_000));
    }
}

public sealed class MetricStoreHistogramTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void AddHistogram_MergesWithSamplesAndKeepsPercentilesWithinOnePercent()
    {
        var store = new MetricStore();
        var histogram = new LogLinearHistogram();
        var random = new Random(3);
        var exact = new List<double>();
        for (var i = 0; i < 50_000; i++)
        {
            var v = 1 + random.NextDouble() * 999;
            histogram.Record(v);
            exact.Add(v);
        }
        store.AddHistogram("http_req_duration", new SampleTags("load", "p"), At, histogram);
        store.Add(new Sample("http_req_duration", 500, At.AddSeconds(1), new SampleTags("load", "p")));
        exact.Add(500);
        exact.Sort();

        var summary = store.Summarize("load", "http_req_duration", "p", TimeSpan.FromSeconds(2));

        Assert.That(summary.Samples, Is.EqualTo(50_001));
        Assert.That(summary.P95, Is.EqualTo(exact[(int)Math.Ceiling(0.95 * exact.Count) - 1]).Within(1).Percent);
        Assert.That(store.Timeline("load", "http_req_duration").Select(p => p.Count), Is.EqualTo(new[] { 50_000L, 1L }));
    }

    [Test]
    public void AddHistogram_ForRate_CountsNonZeroAsEvents()
    {
        var store = new MetricStore();
        var histogram = new LogLinearHistogram();
        for (var i = 0; i < 90; i++)
            histogram.Record(0);
        for (var i = 0; i < 10; i++)
            histogram.Record(1);

        store.AddHistogram("http_req_failed", new SampleTags("load", "p"), At, histogram);

        Assert.That(store.Summarize("load", "http_req_failed", null, TimeSpan.FromSeconds(1)).Rate, Is.EqualTo(0.1));
    }
}
