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
                return new(
                    kind,
                    values.Length,
                    values.Count(v => v != 0),
                    values.Length == 0 ? null : values.Count(v => v != 0) / (double)values.Length,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null
                );
            case MetricKind.Counter:
                var total = values.Sum();
                return new(
                    kind,
                    values.Length,
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
            default:
                if (values.Length == 0)
                    return new(kind, 0, 0, null, null, null, null, null, null, null, null);
                Array.Sort(values);
                return new(
                    kind,
                    values.Length,
                    values.Length,
                    null,
                    values[0],
                    values[^1],
                    values.Average(),
                    Percentile(values, 50),
                    Percentile(values, 90),
                    Percentile(values, 95),
                    Percentile(values, 99)
                );
        }
    }

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
