using System.Globalization;
using Harness.Probes.Abstractions;

namespace Harness.Probes.Bench.Infra;

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"p50 x / p90 y / p99 z / max w" in milliseconds.</summary>
    public static string Distribution(LogLinearHistogram h) =>
        h.Count == 0
            ? "none"
            : $"p50 {F(h.Percentile(50))} / p90 {F(h.Percentile(90))} / p99 {F(h.Percentile(99))} / max {F(h.Max)} ms (n={h.Count})";
}
