using System.Collections.Concurrent;
using Harness.Probes.Abstractions;

namespace Probes.Tests.Support;

/// <summary>A collecting sink that also accepts histograms, as a metrics store with the capability would.</summary>
internal sealed class HistogramCollectingSink : ISampleSink, IHistogramSink
{
    private readonly CollectingSink _samples = new();
    private readonly ConcurrentQueue<(string Metric, SampleTags Tags, LogLinearHistogram Histogram)> _histograms = new();

    public void Add(in Sample sample) => _samples.Add(sample);

    public void AddHistogram(string metric, SampleTags tags, DateTimeOffset timestamp, LogLinearHistogram histogram) =>
        _histograms.Enqueue((metric, tags, histogram));

    public CollectingSink Samples => _samples;

    /// <summary>Every histogram of <paramref name="metric"/> merged into one.</summary>
    public LogLinearHistogram Merged(string metric)
    {
        var merged = new LogLinearHistogram();
        foreach (var h in _histograms.Where(h => h.Metric == metric))
            merged.Merge(h.Histogram);
        return merged;
    }

    public int HistogramCount(string metric) => _histograms.Count(h => h.Metric == metric);
}
