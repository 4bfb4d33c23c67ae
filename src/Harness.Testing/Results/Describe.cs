using System.Globalization;
using Harness.Probes.Abstractions;

namespace Harness.Testing;

/// <summary>Figures in words, invariant culture, for assertion messages.</summary>
internal static class Describe
{
    public static string Value(double? value, string unit) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.###}{unit}") : "no data";

    public static string Summary(MetricView m) =>
        m.Kind switch
        {
            MetricKind.Trend => $"{m.Samples} samples, min {Value(m.Min, m.Unit)}, p50 {Value(m.P50, m.Unit)}, p95 {Value(m.P95, m.Unit)}, "
                + $"p99 {Value(m.P99, m.Unit)}, max {Value(m.Max, m.Unit)}",
            MetricKind.Rate => $"{m.Samples} samples, rate {Value(m.Rate * 100, "%")}",
            _ => $"count {Value(m.Count, "")}",
        };
}
