using System.Globalization;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>
/// Values with their units, the same in every output (console, summary.md, junit.xml, index.html, matrix, history):
/// durations in ms ("1.10 ms", "54.3 ms", "302 ms"), rates as percent ("5 %"), counts plain, bytes in B/KB/MB/GB
/// (1 KB = 1024 B). Invariant culture.
/// </summary>
internal static partial class ReportFormat
{
    /// <summary>A threshold's observed value or limit: count plain, rate in %, otherwise in the metric's unit.</summary>
    public static string Measured(double value, string metric, string aggregation)
    {
        if (!double.IsFinite(value))
            return "n/a";
        if (aggregation == "count")
            return Number(value);
        if (aggregation == "rate")
            return Percent(value);
        return MetricNames.All.TryGetValue(metric, out var info) && info.Unit == "ms" ? Milliseconds(value) : Number(value);
    }

    public static string Observed(ThresholdResult t) =>
        t.Observed is null ? "nothing" : Measured(t.Observed.Value, t.Metric, t.Aggregation);

    /// <summary>"&lt; 250 ms", "&lt; 5 %", "== 0".</summary>
    public static string Limit(ThresholdResult t) => $"{t.Operator} {Measured(t.Limit, t.Metric, t.Aggregation)}";

    /// <summary>"observed 302 ms, limit &lt; 250 ms", or the threshold's detail when nothing was observed.</summary>
    public static string Outcome(ThresholdResult t) =>
        t.Observed is null ? t.Detail : $"observed {Observed(t)}, limit {Limit(t)}" + Compared(t);

    /// <summary>
    /// "; http_req_duration B vs A +83 ms (+97 %) ...": what a failed comparison threshold (gray_release) found; empty otherwise.
    /// </summary>
    public static string Compared(ThresholdResult t) =>
        !t.Passed && t.Aggregation == Compare.GrayReleaseGate.Aggregation ? $"; {t.Detail}" : "";

    /// <summary>A statistic in its metric's unit: "54.3 ms" for ms, a plain number without a unit; "" when absent.</summary>
    public static string InUnit(double? value, string unit) =>
        value switch
        {
            null => "",
            { } v when !double.IsFinite(v) => "n/a",
            { } v when unit == "ms" => Milliseconds(v),
            { } v => unit.Length == 0 ? Number(v) : $"{Number(v)} {unit}",
        };

    /// <summary>The rate of a summary: a rate metric's share in percent, a counter's events per second.</summary>
    public static string SummaryRate(double? rate, string kind) =>
        rate is not { } r ? ""
        : kind == "rate" ? Percent(r)
        : kind == "counter" ? $"{Number(r)}/s"
        : Number(r);

    /// <summary>Two decimals under 10 ms, one under 100 ms, none above: "1.10 ms", "54.3 ms", "302 ms".</summary>
    public static string Milliseconds(double value)
    {
        var magnitude = Math.Abs(value);
        var format =
            magnitude >= 100 ? "0"
            : magnitude >= 10 ? "0.0"
            : "0.00";
        return value.ToString(format, CultureInfo.InvariantCulture) + " ms";
    }

    /// <summary>"999 B", "1.5 KB", "2.4 MB", "3 GB" (1 KB = 1024 B).</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString(unit == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>A toxic attribute with its unit (docs/toxics.md): "latency 200 ms", "rate 500 KB/s", "bytes 2 KB".</summary>
    public static string ToxicAttribute(string type, string key, long value)
    {
        var number = value.ToString(CultureInfo.InvariantCulture);
        return key switch
        {
            "latency" or "jitter" or "timeout" or "rto" or "after" => $"{key} {number} ms",
            "delay" => type == "slicer" ? $"{key} {number} µs" : $"{key} {number} ms",
            "rate" => $"{key} {number} KB/s",
            "bytes" or "average_size" or "size_variation" or "segment_size" => $"{key} {Bytes(value)}",
            "probability" or "p_good_to_bad" or "p_bad_to_good" or "loss_bad" => $"{key} {number} %",
            "probability_ppm" => $"{key} {number} ppm",
            _ => $"{key} {number}",
        };
    }

    /// <summary>Every attribute of a toxic with its unit: "latency 300 ms, jitter 0 ms".</summary>
    public static string ToxicAttributes(ToxicResult t) =>
        string.Join(", ", t.Attributes.Select(a => ToxicAttribute(t.Type, a.Key, a.Value)));
}
