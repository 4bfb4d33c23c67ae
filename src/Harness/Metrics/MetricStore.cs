using System.Collections.Concurrent;
using Harness.Probes.Abstractions;

namespace Harness.Metrics;

/// <summary>
/// The sink every probe writes into during a run; keeps each (probe, phase, metric) series as a bounded
/// aggregate and summarises on demand. Samples of metrics outside the catalogue are kept as trends.
/// </summary>
public sealed class MetricStore : ISampleSink, IHistogramSink
{
    private readonly ConcurrentDictionary<SeriesKey, Series> _series = new();

    public void Add(in Sample sample)
    {
        if (!double.IsFinite(sample.Value)) return;
        SeriesFor(new SeriesKey(sample.Tags.Probe, sample.Tags.Phase, sample.Metric)).Add(sample.Value, sample.Timestamp);
    }

    public void AddHistogram(string metric, SampleTags tags, DateTimeOffset timestamp, LogLinearHistogram histogram) =>
        SeriesFor(new SeriesKey(tags.Probe, tags.Phase, metric)).Add(histogram, timestamp);

    public IReadOnlyCollection<SeriesKey> Keys => _series.Keys.ToList();

    public bool HasSamples(string probe, string? phase) => _series.Keys.Any(k => k.Probe == probe && (phase is null || k.Phase == phase));

    /// <summary>A probe's metric in one phase or (phase null) across all phases, merged into one aggregate.</summary>
    internal MetricAggregate Aggregate(string probe, string metric, string? phase)
    {
        var result = new MetricAggregate(KindOf(metric));
        foreach (var (key, series) in _series)
        {
            if (key.Probe == probe && key.Metric == metric && (phase is null || key.Phase == phase)) series.MergeInto(result);
        }
        return result;
    }

    public MetricSummary Summarize(string probe, string metric, string? phase, TimeSpan window) => Aggregate(probe, metric, phase).Summary(window);

    public IReadOnlyList<SecondPoint> Timeline(string probe, string metric) => Aggregate(probe, metric, null).Seconds;

    private Series SeriesFor(SeriesKey key) => _series.GetOrAdd(key, static k => new Series(KindOf(k.Metric)));

    private static MetricKind KindOf(string metric) => MetricNames.All.TryGetValue(metric, out var info) ? info.Kind : MetricKind.Trend;
}
