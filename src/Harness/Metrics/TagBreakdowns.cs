using System.Collections.Concurrent;
using Harness.Probes.Abstractions;

namespace Harness.Metrics;

/// <summary>
/// Every metric of every probe again per value of each tag its samples carry (step, client_version, participant,
/// status ...), per phase, so a comparison can be broken down by a tag (<c>harness compare --by step</c>). Bounded: a
/// tag is followed for at most <see cref="MaxValuesPerTag"/> values per probe; a tag that shows more (a per-client
/// index over a crowd) is dropped from the breakdown as soon as it does, and a tag with one value is not reported.
/// </summary>
public sealed class TagBreakdowns
{
    public const int MaxValuesPerTag = 20;

    private readonly ConcurrentDictionary<(string Probe, string Phase, string Metric, string Tag, string Value), Series> _series = new();
    private readonly ConcurrentDictionary<(string Probe, string Tag), ConcurrentDictionary<string, bool>> _values = new();

    public void Add(in Sample sample)
    {
        if (sample.Tags.Extra is not { Count: > 0 } extra)
            return;
        foreach (var (tag, value) in extra)
        {
            if (!Follows(sample.Tags.Probe, tag, value))
                continue;
            SeriesFor(sample.Tags, sample.Metric, tag, value).Add(sample.Value, sample.Timestamp);
        }
    }

    public void AddHistogram(string metric, SampleTags tags, DateTimeOffset timestamp, LogLinearHistogram histogram)
    {
        if (tags.Extra is not { Count: > 0 } extra)
            return;
        foreach (var (tag, value) in extra)
        {
            if (!Follows(tags.Probe, tag, value))
                continue;
            var copy = new LogLinearHistogram();
            copy.Merge(histogram);
            SeriesFor(tags, metric, tag, value).Add(copy, timestamp);
        }
    }

    /// <summary>The breakdown of one probe's metric: per tag and value, overall, per phase (with its window) and per second.</summary>
    public IReadOnlyList<TagBreakdownResult> Results(
        string probe,
        string metric,
        IReadOnlyDictionary<string, TimeSpan> windows,
        TimeSpan total
    )
    {
        var groups = _series
            .Where(s => s.Key.Probe == probe && s.Key.Metric == metric && Followed(probe, s.Key.Tag))
            .GroupBy(s => (s.Key.Tag, s.Key.Value))
            .OrderBy(g => g.Key.Tag, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Value, StringComparer.Ordinal);
        var kind = MetricNames.All.TryGetValue(metric, out var info) ? info.Kind : MetricKind.Trend;
        return groups
            .Select(g =>
            {
                MetricAggregate Merge(string? phase)
                {
                    var aggregate = new MetricAggregate(kind);
                    foreach (var (key, series) in g)
                        if (phase is null || key.Phase == phase)
                            series.MergeInto(aggregate);
                    return aggregate;
                }
                var all = Merge(null);
                return new TagBreakdownResult(
                    g.Key.Tag,
                    g.Key.Value,
                    all.Summary(total),
                    windows.ToDictionary(w => w.Key, w => Merge(w.Key).Summary(w.Value), StringComparer.Ordinal),
                    all.Seconds
                );
            })
            .ToList();
    }

    private bool Follows(string probe, string tag, string value)
    {
        var values = _values.GetOrAdd((probe, tag), static _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
        if (values.ContainsKey(value))
            return values.Count <= MaxValuesPerTag;
        if (values.Count > MaxValuesPerTag)
            return false;
        values.TryAdd(value, true);
        return values.Count <= MaxValuesPerTag;
    }

    /// <summary>Followed and worth reporting: a tag with a single value for the probe would only repeat the metric itself.</summary>
    private bool Followed(string probe, string tag) =>
        _values.TryGetValue((probe, tag), out var values) && values.Count is > 1 and <= MaxValuesPerTag;

    private Series SeriesFor(SampleTags tags, string metric, string tag, string value) =>
        _series.GetOrAdd((tags.Probe, tags.Phase, metric, tag, value), static k => new Series(
            MetricNames.All.TryGetValue(k.Metric, out var info) ? info.Kind : MetricKind.Trend
        ));
}
