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
        foreach (var v in new[] { 10.0, 20, 30 }) store.Add(new Sample("ws_rtt", v, At, new SampleTags("echo", "baseline")));
        foreach (var v in new[] { 210.0, 220 }) store.Add(new Sample("ws_rtt", v, At, new SampleTags("echo", "degraded")));

        var baseline = store.Summarize("echo", "ws_rtt", "baseline", TimeSpan.FromSeconds(1));
        var all = store.Summarize("echo", "ws_rtt", null, TimeSpan.FromSeconds(2));

        Assert.That(baseline.Samples, Is.EqualTo(3));
        Assert.That(baseline.Med, Is.EqualTo(20));
        Assert.That(all.Max, Is.EqualTo(220));
        Assert.That(all.Avg, Is.EqualTo(98));
    }

    [Test]
    public void Summarize_CounterPerSecond_UsesWindow()
    {
        var store = new MetricStore();
        for (var i = 0; i < 40; i++) store.Add(new Sample("ws_msgs_received", 1, At, new SampleTags("room", "p")));

        var summary = store.Summarize("room", "ws_msgs_received", "p", TimeSpan.FromSeconds(2));

        Assert.That(summary.Count, Is.EqualTo(40));
        Assert.That(summary.Rate, Is.EqualTo(20));
    }

    [Test]
    public async Task Add_FromManyThreads_KeepsEverySample()
    {
        var store = new MetricStore();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++) store.Add(new Sample("http_reqs", 1, At, new SampleTags("api", "p")));
        })));

        Assert.That(store.Summarize("api", "http_reqs", null, TimeSpan.FromSeconds(1)).Count, Is.EqualTo(80_000));
    }
}
