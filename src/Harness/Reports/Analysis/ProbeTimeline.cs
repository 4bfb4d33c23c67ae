using Harness.Metrics;
using Harness.Reports.Model;

namespace Harness.Reports.Analysis;

/// <summary>A probe's per-second series merged on one time axis and bounded for drawing.</summary>
internal sealed record ProbeTimeline(
    ProbeResult Probe,
    MetricResult? Latency,
    IReadOnlyList<MetricResult> Failures,
    MetricResult? Throughput,
    IReadOnlyList<ChartPoint> Points
)
{
    public static ProbeTimeline Build(ProbeResult probe, DateTimeOffset runStart, int limit = Downsampler.DefaultLimit)
    {
        var latency = KeyMetrics.MainLatency(probe);
        var failures = KeyMetrics.Failures(probe);
        var throughput = KeyMetrics.Throughput(probe);
        var seconds = new SortedDictionary<long, (SecondPoint? Latency, double Failures, double Throughput)>();
        foreach (var p in latency?.Timeline ?? [])
            seconds[p.UnixSeconds] = (p, 0, 0);
        foreach (var metric in failures)
        {
            foreach (var p in metric.Timeline ?? [])
            {
                var s = seconds.GetValueOrDefault(p.UnixSeconds);
                seconds[p.UnixSeconds] = s with { Failures = s.Failures + KeyMetrics.FailuresIn(metric, p) };
            }
        }
        foreach (var p in throughput?.Timeline ?? [])
        {
            var s = seconds.GetValueOrDefault(p.UnixSeconds);
            seconds[p.UnixSeconds] = s with { Throughput = s.Throughput + p.Sum };
        }
        var merged = seconds.Select(kv => (kv.Key, kv.Value.Latency, kv.Value.Failures, kv.Value.Throughput)).ToList();
        return new ProbeTimeline(probe, latency, failures, throughput, Downsampler.Bucket(merged, runStart.ToUnixTimeSeconds(), limit));
    }
}
