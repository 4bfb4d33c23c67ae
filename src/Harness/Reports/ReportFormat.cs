using System.Globalization;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>The one place numbers, times and statuses become text in every report (invariant culture).</summary>
internal static partial class ReportFormat
{
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture) : "n/a";

    public static string Optional(double? value) => value is null ? "" : Number(value.Value);

    /// <summary>A value with its unit ("203 ms"); "n/a" when there is none.</summary>
    public static string WithUnit(double? value, string unit) =>
        value is null ? "n/a"
        : unit.Length == 0 ? Number(value.Value)
        : $"{Number(value.Value)} {unit}";

    public static string Signed(double value, string unit) => (value > 0 ? "+" : "") + WithUnit(value, unit);

    public static string Percent(double ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string Seconds(double milliseconds) => $"{Number(milliseconds / 1000)} s";

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    public static string Verdict(RunStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>A toxic in one line: "latency downstream on edge: latency 300 ms, jitter 0 ms".</summary>
    public static string Toxic(ToxicResult t) =>
        $"{t.Type} {t.Stream} on {t.Proxy}: {ToxicAttributes(t)}" + (t.Toxicity < 1 ? $" (toxicity {Number(t.Toxicity)})" : string.Empty);
}
