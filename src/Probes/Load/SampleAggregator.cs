using System.Text;
using Harness.Probes.Abstractions;

namespace Harness.Probes.Load;

/// <summary>
/// Keeps the load probe's output bounded: between flushes, every series (metric + tags) is reduced to one value
/// whatever the request rate. Trends and rates go into a <see cref="LogLinearHistogram"/> handed to the sink's
/// <see cref="IHistogramSink"/> capability (mergeable, so later percentiles over any window stay within 1 %;
/// per-second p50/p95/p99 samples could not be combined correctly). Counters are summed into one increment,
/// gauges keep their last value; both go out as ordinary samples. Used only when the sink has the capability;
/// otherwise the load probe writes every sample as it is (exact, but one sample per event).
/// </summary>
internal sealed class SampleAggregator(ISampleSink sink, IHistogramSink histograms, TimeProvider time) : ISampleSink
{
    private readonly object _gate = new();
    private Dictionary<string, Series> _series = new(StringComparer.Ordinal);

    public void Add(in Sample sample)
    {
        var kind = MetricNames.All.TryGetValue(sample.Metric, out var info) ? info.Kind : MetricKind.Trend;
        var key = Key(sample.Metric, sample.Tags);
        lock (_gate)
        {
            if (!_series.TryGetValue(key, out var series))
                _series[key] = series = new Series(sample.Metric, sample.Tags, kind);
            series.Add(sample.Value);
        }
    }

    /// <summary>Sends everything gathered since the last flush, stamped now.</summary>
    public void Flush()
    {
        Dictionary<string, Series> gathered;
        lock (_gate)
            (gathered, _series) = (_series, new Dictionary<string, Series>(StringComparer.Ordinal));
        var now = time.GetUtcNow();
        foreach (var s in gathered.Values)
        {
            if (s.Histogram is { } h)
                histograms.AddHistogram(s.Metric, s.Tags, now, h);
            else
                sink.Add(new Sample(s.Metric, s.Value, now, s.Tags));
        }
    }

    // Tags are compared by content: SampleTags' record equality compares its dictionary by reference.
    private static string Key(string metric, SampleTags tags)
    {
        var key = new StringBuilder(metric).Append('\0').Append(tags.Probe).Append('\0').Append(tags.Phase);
        if (tags.Extra is { } extra)
        {
            foreach (var (k, v) in extra.OrderBy(p => p.Key, StringComparer.Ordinal))
                key.Append('\0').Append(k).Append('=').Append(v);
        }
        return key.ToString();
    }

    private sealed class Series(string metric, SampleTags tags, MetricKind kind)
    {
        public string Metric => metric;

        public SampleTags Tags => tags;

        public LogLinearHistogram? Histogram { get; } = kind is MetricKind.Trend or MetricKind.Rate ? new LogLinearHistogram() : null;

        public double Value { get; private set; }

        public void Add(double value)
        {
            if (Histogram is not null)
                Histogram.Record(value);
            else
                Value = kind == MetricKind.Counter ? Value + value : value;
        }
    }
}
