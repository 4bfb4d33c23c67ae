using System.Text.RegularExpressions;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// A numeric field of received JSON text messages (a dotted path such as <c>stats.echo</c>) recorded as a sample of
/// <see cref="Metric"/> each time a message carries it; messages without it (or not JSON) record nothing.
/// </summary>
public sealed partial record WebSocketFieldMetric(string Metric, string Field)
{
    internal void Validate(OptionErrors errors)
    {
        errors.Require(
            MetricName().IsMatch(Metric ?? string.Empty),
            $"MetricFields metric '{Metric}' must be lower case letters, digits and _"
        );
        errors.Require(!MetricNames.All.ContainsKey(Metric ?? string.Empty), $"MetricFields metric '{Metric}' is a built-in metric");
        errors.Require(JsonPath.IsValid(Field), $"MetricFields field '{Field}' is not a dotted path");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();
}

/// <summary>Reads a probe's <see cref="WebSocketFieldMetric"/>s out of each received message.</summary>
internal sealed class FieldMetricReader(IReadOnlyList<WebSocketFieldMetric> fields)
{
    private readonly (string Metric, JsonPath Path)[] _paths = [.. fields.Select(f => (f.Metric, new JsonPath(f.Field)))];

    public void Record(ReadOnlySpan<byte> utf8Json, SampleWriter samples, SampleTags tags)
    {
        foreach (var (metric, path) in _paths)
        {
            if (path.TryReadDouble(utf8Json, out var value) && double.IsFinite(value))
                samples.Add(metric, value, tags);
        }
    }
}
