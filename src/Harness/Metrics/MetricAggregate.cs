using Harness.Probes.Abstractions;

namespace Harness.Metrics;

/// <summary>
/// Everything kept of one series: trends in a log-linear histogram (percentiles within 1%, memory independent
/// of the sample count), rates as events and non-zero events, counters as a sum, plus per-second points for
/// timeline charts. Not thread-safe; <see cref="Series"/> locks around it.
/// </summary>
internal sealed class MetricAggregate(MetricKind kind)
{
    private readonly LogLinearHistogram _histogram = new();
    private readonly SortedDictionary<long, SecondPoint> _seconds = [];

    public MetricKind Kind => kind;

    public long Samples { get; private set; }

    public double Sum { get; private set; }

    public long NonZero { get; private set; }

    public void Add(double value, DateTimeOffset at)
    {
        Samples++;
        Sum += value;
        if (value != 0)
            NonZero++;
        if (kind == MetricKind.Trend)
            _histogram.Record(value);
        Point(at, 1, value, value, value != 0 ? 1 : 0);
    }

    /// <summary>Adds a batch a probe pre-aggregated (load probes flush histograms instead of every sample).</summary>
    public void Add(LogLinearHistogram histogram, DateTimeOffset at)
    {
        if (histogram.Count == 0)
            return;
        var nonZero = histogram.Buckets().Where(b => b.Value > 0).Sum(b => b.Count);
        Samples += histogram.Count;
        Sum += histogram.Sum;
        NonZero += nonZero;
        if (kind == MetricKind.Trend)
            _histogram.Merge(histogram);
        Point(at, histogram.Count, histogram.Sum, histogram.Max, nonZero);
    }

    public void Merge(MetricAggregate other)
    {
        Samples += other.Samples;
        Sum += other.Sum;
        NonZero += other.NonZero;
        _histogram.Merge(other._histogram);
        foreach (var (second, point) in other._seconds)
            Point(second, point);
    }

    public double? Percentile(double percentile) => _histogram.Count == 0 ? null : _histogram.Percentile(percentile);

    public IReadOnlyList<SecondPoint> Seconds => _seconds.Values.ToList();

    public MetricSummary Summary(TimeSpan window) =>
        kind switch
        {
            MetricKind.Rate => MetricSummary.ForRate(Samples, NonZero),
            MetricKind.Counter => MetricSummary.ForCounter(Samples, Sum, window),
            _ when _histogram.Count == 0 => MetricSummary.Empty(kind),
            _ => MetricSummary.ForTrend(
                kind,
                _histogram.Count,
                new(
                    _histogram.Min,
                    _histogram.Max,
                    _histogram.Mean,
                    _histogram.Percentile(50),
                    _histogram.Percentile(90),
                    _histogram.Percentile(95),
                    _histogram.Percentile(99)
                )
            ),
        };

    private void Point(DateTimeOffset at, long count, double sum, double max, long nonZero) =>
        Point(at.ToUnixTimeSeconds(), new SecondPoint(at.ToUnixTimeSeconds(), count, sum, max, nonZero));

    private void Point(long second, SecondPoint add)
    {
        _seconds[second] = _seconds.TryGetValue(second, out var p)
            ? new SecondPoint(second, p.Count + add.Count, p.Sum + add.Sum, Math.Max(p.Max, add.Max), p.NonZero + add.NonZero)
            : add;
    }
}

/// <summary>One second of a series: how many samples, their sum and maximum, and how many were non-zero (failures, checks).</summary>
public sealed record SecondPoint(long UnixSeconds, long Count, double Sum, double Max, long NonZero);
