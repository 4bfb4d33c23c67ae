using Harness.Metrics;
using Harness.Probes.Abstractions;

namespace Harness.Orchestration.Monitoring;

/// <summary>
/// Stands between the probes and the run's <see cref="MetricStore"/> while a run is watched: every sample still
/// reaches the store unchanged, and the watched probe's activity sees it first. Keeps the store's histogram
/// capability, so load probes batch exactly as they do unwatched.
/// </summary>
internal sealed class MonitoredSink(MetricStore store, IReadOnlyDictionary<string, ProbeActivity> probes) : ISampleSink, IHistogramSink
{
    public void Add(in Sample sample)
    {
        if (double.IsFinite(sample.Value) && probes.TryGetValue(sample.Tags.Probe, out var activity))
            activity.Add(sample);
        store.Add(sample);
    }

    public void AddHistogram(string metric, SampleTags tags, DateTimeOffset timestamp, LogLinearHistogram histogram)
    {
        // Read before the store takes ownership of the histogram.
        if (probes.TryGetValue(tags.Probe, out var activity))
            activity.Add(metric, timestamp, histogram);
        store.AddHistogram(metric, tags, timestamp, histogram);
    }
}
