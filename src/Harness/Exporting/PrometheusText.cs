using System.Globalization;
using System.Text;

namespace Harness.Exporting;

/// <summary>
/// The Prometheus text exposition format (version 0.0.4) of a run's families: a HELP and TYPE line per family, then its
/// samples. Label values escape backslash, double quote and line feed; help texts escape backslash and line feed;
/// values are written in invariant culture (NaN, +Inf and -Inf as Prometheus spells them).
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(IEnumerable<ResultFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var text = new StringBuilder();
        foreach (var family in families)
        {
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(" gauge\n");
            foreach (var sample in family.Samples)
            {
                text.Append(family.Name);
                if (sample.Labels.Count > 0)
                {
                    text.Append('{');
                    text.AppendJoin(',', sample.Labels.Select(l => $"{l.Key}=\"{EscapeLabelValue(l.Value)}\""));
                    text.Append('}');
                }
                text.Append(' ').Append(Value(sample.Value)).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>A label value between double quotes: <c>\</c> → <c>\\</c>, <c>"</c> → <c>\"</c>, line feed → <c>\n</c>.</summary>
    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>A HELP text: <c>\</c> → <c>\\</c>, line feed → <c>\n</c>.</summary>
    public static string EscapeHelp(string help)
    {
        ArgumentNullException.ThrowIfNull(help);
        return help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    public static string Value(double value) =>
        value switch
        {
            double.NaN => "NaN",
            double.PositiveInfinity => "+Inf",
            double.NegativeInfinity => "-Inf",
            _ => value.ToString("R", CultureInfo.InvariantCulture),
        };
}
