using System.Collections.Concurrent;
using Harness.Probes.Abstractions;

namespace Harness.Metrics;

/// <summary>
/// The sink every probe writes into during a run; keeps each (probe, phase, metric) series and summarises it
/// on demand. Samples of unknown metrics are kept too (a probe may emit more than the catalogue lists).
/// </summary>
public sealed class MetricStore : ISampleSink
{
    private readonly ConcurrentDictionary<SeriesKey, Series> _series = new();

    public void Add(in Sample sample)
    {
        if (double.IsNaN(sample.Value) || double.IsInfinity(sample.Value)) return;
        var key = new SeriesKey(sample.Tags.Probe, sample.Tags.Phase, sample.Metric);
        _series.GetOrAdd(key, static _ => new Series()).Add(sample.Value, sample.Timestamp);
    }

    public IReadOnlyCollection<SeriesKey> Keys => _series.Keys.ToList();

    /// <summary>Values of a probe's metric, in one phase or (phase null) across all phases.</summary>
    public double[] Values(string probe, string metric, string? phase = null) =>
        _series.Where(s => s.Key.Probe == probe && s.Key.Metric == metric && (phase is null || s.Key.Phase == phase))
            .SelectMany(s => s.Value.Snapshot())
            .ToArray();

    public bool HasSamples(string probe, string? phase) => _series.Keys.Any(k => k.Probe == probe && (phase is null || k.Phase == phase));

    public MetricSummary Summarize(string probe, string metric, string? phase, TimeSpan window)
    {
        var kind = MetricNames.All.TryGetValue(metric, out var info) ? info.Kind : MetricKind.Trend;
        return MetricSummary.From(kind, Values(probe, metric, phase), window);
    }
}
