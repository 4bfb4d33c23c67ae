using Harness.Probes.Abstractions;

namespace Harness.Metrics;

/// <summary>
/// What a series reduces to. For trends: samples and their distribution (ms). For rates: how many events and
/// the share that were non-zero. For counters: the total and the total per second of <c>window</c>.
/// </summary>
public sealed record MetricSummary(
    MetricKind Kind,
    long Samples,
    double Count,
    double? Rate,
    double? Min,
    double? Max,
    double? Avg,
    double? Med,
    double? P90,
    double? P95,
    double? P99
)
{
    /// <summary>Exact summary of raw values (tests, fixtures); runs summarise through the store's histograms.</summary>
    public static MetricSummary From(MetricKind kind, double[] values, TimeSpan window)
    {
        switch (kind)
        {
            case MetricKind.Rate:
                return ForRate(values.Length, values.Count(v => v != 0));
            case MetricKind.Counter:
                return ForCounter(values.Length, values.Sum(), window);
            default:
                if (values.Length == 0)
                    return Empty(kind);
                Array.Sort(values);
                var distribution = new Distribution(
                    values[0],
                    values[^1],
                    values.Average(),
                    Percentile(values, 50),
                    Percentile(values, 90),
                    Percentile(values, 95),
                    Percentile(values, 99)
                );
                return ForTrend(kind, values.Length, distribution);
        }
    }

    /// <summary>A rate: how many events, how many were non-zero and their share.</summary>
    public static MetricSummary ForRate(long samples, long nonZero) =>
        new(MetricKind.Rate, samples, nonZero, samples == 0 ? null : nonZero / (double)samples, null, null, null, null, null, null, null);

    /// <summary>A counter: its total and the total per second of <paramref name="window"/>.</summary>
    public static MetricSummary ForCounter(long samples, double total, TimeSpan window) =>
        new(
            MetricKind.Counter,
            samples,
            total,
            window > TimeSpan.Zero ? total / window.TotalSeconds : null,
            null,
            null,
            null,
            null,
            null,
            null,
            null
        );

    /// <summary>A trend (or gauge) with at least one sample.</summary>
    public static MetricSummary ForTrend(MetricKind kind, long samples, Distribution d) =>
        new(kind, samples, samples, null, d.Min, d.Max, d.Avg, d.Med, d.P90, d.P95, d.P99);

    /// <summary>A trend with no sample.</summary>
    public static MetricSummary Empty(MetricKind kind) => new(kind, 0, 0, null, null, null, null, null, null, null, null);

    /// <summary>A trend's distribution, in the metric's unit.</summary>
    public readonly record struct Distribution(double Min, double Max, double Avg, double Med, double P90, double P95, double P99);

    /// <summary>Linear interpolation between closest ranks (what k6 reports), over sorted values.</summary>
    public static double Percentile(double[] sorted, double percentile)
    {
        if (sorted.Length == 1)
            return sorted[0];
        var rank = percentile / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }
}
