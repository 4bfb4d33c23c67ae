using System.Globalization;
using System.Text;

namespace Harness.Impairment.Server.Metrics;

/// <summary>Prometheus text exposition format 0.0.4: HELP and TYPE lines, then samples with sorted, escaped labels.</summary>
internal sealed class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public PrometheusText Family(string name, string type, string help)
    {
        _text
            .Append("# HELP ")
            .Append(name)
            .Append(' ')
            .Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal))
            .Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    public PrometheusText Sample(string name, double value, params (string Name, string Value)[] labels)
    {
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{');
            var first = true;
            foreach (var (label, text) in labels.OrderBy(l => l.Name, StringComparer.Ordinal))
            {
                if (!first)
                    _text.Append(',');
                first = false;
                _text.Append(label).Append("=\"").Append(Escape(text)).Append('"');
            }
            _text.Append('}');
        }
        _text.Append(' ').Append(Format(value)).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    private static string Escape(string value) =>
        value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
