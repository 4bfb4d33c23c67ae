using Harness.Probes.Browser;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Validation;

/// <summary>
/// Participant attributes (<c>client_version</c>, <c>attributes: {network: lossy}</c>), how they reach the page or
/// connection (<c>pass_attributes</c>), and the metrics a scenario names itself (WebSocket <c>metrics</c> fields).
/// </summary>
internal static class AttributeKeysReader
{
    /// <summary>Tags the probes set themselves: an attribute may not take their names.</summary>
    private static readonly string[] Reserved =
    [
        "probe",
        "phase",
        "participant",
        "role",
        "client_version",
        "step",
        "kind",
        "outcome",
        "check",
        "error",
        "reason",
        "status",
        "cause",
        "expected_response",
        "client",
    ];

    private static readonly Dictionary<string, AttributeDelivery> Modes = new(StringComparer.Ordinal)
    {
        ["query"] = AttributeDelivery.Query,
        ["script"] = AttributeDelivery.Script,
        ["header"] = AttributeDelivery.Header,
    };

    public static IReadOnlyDictionary<string, string> Attributes(MappingReader owner, string what, ValueReader values)
    {
        var pairs = RequestKeysReader.Pairs(owner, "attributes", what, values, name => !Probes.Browser.RecordStep.IsMetricName(name)
                ? $"attribute '{name}' must be lower case letters, digits and _, starting with a letter"
            : Reserved.Contains(name) ? $"attribute '{name}' is a tag the harness sets itself; give it another name"
            : null);
        return pairs.Count == 0 ? System.Collections.Immutable.ImmutableDictionary<string, string>.Empty : pairs;
    }

    /// <param name="allowed">The modes this probe kind supports (a WebSocket has no page to run a script in).</param>
    public static AttributeDelivery PassAttributes(MappingReader probe, string what, ValueReader values, params string[] allowed)
    {
        var node = probe.Node("pass_attributes");
        if (node is null)
            return AttributeDelivery.None;
        var modes = node is YamlScalarNode ? [probe.Scalar("pass_attributes")!] : probe.ScalarList("pass_attributes");
        var result = AttributeDelivery.None;
        foreach (var mode in modes.Where(m => m is not null))
        {
            if (allowed.Contains(mode.Value) && Modes.TryGetValue(mode.Value, out var flag))
                result |= flag;
            else
                values.Diagnostics.Add(
                    mode.Location,
                    $"{what} pass_attributes '{mode.Value}'{DidYouMean.Suffix(mode.Value, allowed)}"
                        + $" must be one of {string.Join(", ", allowed)}"
                );
        }
        return result;
    }

    public static IReadOnlyList<WebSocketMetricField> MetricFields(MappingReader probe, ValueReader values)
    {
        var result = new List<WebSocketMetricField>();
        foreach (var item in probe.Sequence("metrics"))
        {
            var m = MappingReader.Open(item, "websocket probe metrics entry", probe.Context, ScenarioKeys.MetricField);
            if (m is null)
                continue;
            var metric = m.Scalar("metric", required: true);
            var field = m.Scalar("field", required: true);
            if (metric is null || field is null)
                continue;
            var problem =
                MetricNameProblem(metric.Value) is { } p ? (metric.Location, p)
                : result.Any(r => r.Metric == metric.Value) ? (metric.Location, $"'{metric.Value}' is given twice")
                : !Probes.Http.HttpExpectations.IsJsonPath(field.Value)
                    ? (field.Location, $"field '{field.Value}' is not a dotted path (a.b.0.c)")
                : ((SourceLocation, string)?)null;
            if (problem is { } at)
                values.Diagnostics.Add(at.Item1, $"websocket probe metrics: {at.Item2}");
            else
                result.Add(new WebSocketMetricField(metric.Value, field.Value));
        }
        return result;
    }

    /// <summary>Why <paramref name="name"/> cannot name a metric a scenario records itself, or null.</summary>
    public static string? MetricNameProblem(string name) =>
        !Probes.Browser.RecordStep.IsMetricName(name) ? $"metric '{name}' must be lower case letters, digits and _, starting with a letter"
        : Probes.Abstractions.MetricNames.All.ContainsKey(name) ? $"metric '{name}' is a built-in metric; give it another name"
        : null;

    /// <summary>The attributes a WebSocket probe hands its connections, in the query string or as headers.</summary>
    public static (Uri Url, IReadOnlyDictionary<string, string> Headers) Pass(
        Uri url,
        IReadOnlyDictionary<string, string> query,
        IReadOnlyDictionary<string, string> headers,
        IReadOnlyDictionary<string, string> tags,
        AttributeDelivery mode
    )
    {
        var allQuery = new Dictionary<string, string>(query, StringComparer.Ordinal);
        if (mode.HasFlag(AttributeDelivery.Query))
            foreach (var (k, v) in tags)
                allQuery.TryAdd(k, v);
        var allHeaders = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (mode.HasFlag(AttributeDelivery.Header))
            foreach (var (k, v) in ParticipantAttributes.Headers(tags))
                allHeaders.TryAdd(k, v);
        return (allQuery.Count == 0 ? url : ParticipantAttributes.WithQuery(url, allQuery), allHeaders);
    }
}
