using Harness.Metrics;

namespace Harness.Reports.Analysis;

/// <summary>One plotted point: seconds since the run started, the mean and maximum of its samples, failures and throughput.</summary>
internal readonly record struct ChartPoint(double Seconds, double? Avg, double? Max, double Failures, double Throughput);

/// <summary>
/// Bounds what a chart renders: consecutive seconds are merged into at most <c>limit</c> buckets (sample-weighted
/// mean, maximum of maxima, failures and throughput per second averaged over the bucket), so a one-hour run
/// draws as many points as a ten-minute one.
/// </summary>
internal static class Downsampler
{
    public const int DefaultLimit = 600;

    public static IReadOnlyList<ChartPoint> Bucket(
        IReadOnlyList<(long Second, SecondPoint? Latency, double Failures, double Throughput)> seconds,
        long origin,
        int limit = DefaultLimit
    )
    {
        if (seconds.Count == 0)
            return [];
        var first = seconds[0].Second;
        var span = seconds[^1].Second - first + 1;
        var width = Math.Max(1, (long)Math.Ceiling(span / (double)limit));
        var result = new List<ChartPoint>();
        foreach (var bucket in seconds.GroupBy(s => (s.Second - first) / width))
        {
            long count = 0;
            double sum = 0,
                max = double.MinValue,
                failures = 0,
                throughput = 0;
            foreach (var s in bucket)
            {
                failures += s.Failures;
                throughput += s.Throughput;
                if (s.Latency is null || s.Latency.Count == 0)
                    continue;
                count += s.Latency.Count;
                sum += s.Latency.Sum;
                max = Math.Max(max, s.Latency.Max);
            }
            var start = first + bucket.Key * width;
            result.Add(
                new ChartPoint(
                    start - origin + width / 2.0,
                    count == 0 ? null : sum / count,
                    count == 0 ? null : max,
                    failures / width,
                    throughput / width
                )
            );
        }
        return result;
    }
}
