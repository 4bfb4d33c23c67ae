using System.Collections.Concurrent;
using Harness.Probes.Abstractions;

namespace Harness.Metrics;

/// <summary>
/// The sink every probe writes into during a run; keeps each (probe, phase, metric) series as a bounded
/// aggregate and summarises on demand. Samples of metrics outside the catalogue are kept as trends.
/// Tag-scoped thresholds get series of their own, but only for the <see cref="TagScope"/>s given at
/// construction (decided when the scenario loads): memory grows with the scenario's thresholds, never with the
/// tag values samples happen to carry. Latencies of unexpected responses stay out of the plain series (see
/// <see cref="ExpectedResponses"/>).
/// </summary>
public sealed class MetricStore : ISampleSink, IHistogramSink
{
    private readonly ConcurrentDictionary<SeriesKey, Series> _series = new();

    // Read-only after construction, so the hot path reads it without a lock.
    private readonly Dictionary<string, ProbeScopes> _scopes;

    public MetricStore()
        : this([]) { }

    public MetricStore(IEnumerable<TagScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        _scopes = scopes
            .GroupBy(s => s.Probe, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new ProbeScopes(g), StringComparer.Ordinal);
    }

    /// <summary>Every metric per tag value, for comparisons broken down by a tag.</summary>
    public TagBreakdowns Breakdowns { get; } = new();

    public void Add(in Sample sample)
    {
        if (!double.IsFinite(sample.Value))
            return;
        Breakdowns.Add(sample);
        var tags = sample.Tags;
        var unexpected = ExpectedResponses.IsUnexpectedLatency(sample.Metric, tags);
        if (!unexpected)
            SeriesFor(new SeriesKey(tags.Probe, tags.Phase, sample.Metric)).Add(sample.Value, sample.Timestamp);
        if (_scopes.Count == 0 || !_scopes.TryGetValue(tags.Probe, out var scopes))
            return;
        foreach (var filter in scopes.For(sample.Metric))
        {
            if (filter.Matches(tags) && (!unexpected || ExpectedResponses.ScopesOutcome(filter)))
                SeriesFor(new SeriesKey(tags.Probe, tags.Phase, sample.Metric, filter)).Add(sample.Value, sample.Timestamp);
        }
    }

    public void AddHistogram(string metric, SampleTags tags, DateTimeOffset timestamp, LogLinearHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(histogram);
        Breakdowns.AddHistogram(metric, tags, timestamp, histogram);
        var unexpected = ExpectedResponses.IsUnexpectedLatency(metric, tags);
        if (_scopes.Count > 0 && _scopes.TryGetValue(tags.Probe, out var scopes))
        {
            // The store takes ownership of the histogram; a scoped series needs its own copy to merge into.
            foreach (var filter in scopes.For(metric).Where(f => f.Matches(tags) && (!unexpected || ExpectedResponses.ScopesOutcome(f))))
            {
                var copy = new LogLinearHistogram();
                copy.Merge(histogram);
                SeriesFor(new SeriesKey(tags.Probe, tags.Phase, metric, filter)).Add(copy, timestamp);
            }
        }
        if (!unexpected)
            SeriesFor(new SeriesKey(tags.Probe, tags.Phase, metric)).Add(histogram, timestamp);
    }

    /// <summary>The failed exchanges probes reported beside their samples, per probe and class (bounded).</summary>
    public ErrorLog Errors { get; } = new();

    /// <summary>Every plain (unscoped) series recorded so far.</summary>
    public IReadOnlyCollection<SeriesKey> Keys => _series.Keys.Where(k => k.Tags is null).ToList();

    /// <summary>
    /// Whether the probe recorded anything in the phase (null: at all). A count or rate of a tag scope with no samples
    /// is 0 when it did: a tag value nobody saw is zero events of that kind.
    /// </summary>
    public bool HasSamples(string probe, string? phase) =>
        _series.Keys.Any(k => k.Tags is null && k.Probe == probe && (phase is null || k.Phase == phase));

    /// <summary>
    /// A probe's metric in one phase or (phase null) across all phases, merged into one aggregate; with <paramref name="tags"/>, only that
    /// scope's samples.
    /// </summary>
    internal MetricAggregate Aggregate(string probe, string metric, string? phase, TagFilter? tags = null)
    {
        var result = new MetricAggregate(KindOf(metric));
        foreach (var (key, series) in _series)
        {
            if (key.Probe == probe && key.Metric == metric && Equals(key.Tags, tags) && (phase is null || key.Phase == phase))
                series.MergeInto(result);
        }
        return result;
    }

    public MetricSummary Summarize(string probe, string metric, string? phase, TimeSpan window, TagFilter? tags = null) =>
        Aggregate(probe, metric, phase, tags).Summary(window);

    public IReadOnlyList<SecondPoint> Timeline(string probe, string metric) => Aggregate(probe, metric, null).Seconds;

    private Series SeriesFor(SeriesKey key) => _series.GetOrAdd(key, static k => new Series(KindOf(k.Metric)));

    private static MetricKind KindOf(string metric) => MetricNames.All.TryGetValue(metric, out var info) ? info.Kind : MetricKind.Trend;

    /// <summary>One probe's scopes: per metric, the filters asking for it.</summary>
    private sealed class ProbeScopes(IEnumerable<TagScope> scopes)
    {
        private readonly Dictionary<string, TagFilter[]> _byMetric = scopes
            .GroupBy(s => s.Metric, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Filter).Distinct().ToArray(), StringComparer.Ordinal);

        public TagFilter[] For(string metric) => _byMetric.TryGetValue(metric, out var filters) ? filters : [];
    }
}
