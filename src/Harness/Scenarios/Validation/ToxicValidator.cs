using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>Builds a typed toxic from its raw keys: the type is read first, then only that type's attributes are accepted.</summary>
internal static class ToxicValidator
{
    private static readonly Dictionary<string, string[]> AttributesByType = new(StringComparer.Ordinal)
    {
        ["latency"] = ["latency", "jitter"],
    };

    public static ToxicSpec? Validate(ToxicDocument toxic, NetworkSpec network, ValueReader values)
    {
        var diagnostics = values.Diagnostics;
        if (toxic.Proxy is { } proxy && network.Proxies.All(p => p.Name != proxy.Value))
        {
            var known = network.Proxies.Select(p => p.Name).ToList();
            diagnostics.Add(proxy.Location, $"toxic proxy '{proxy.Value}' is not declared under network.proxies{DidYouMean.Suffix(proxy.Value, known)}");
        }
        var stream = ToxicDirection.Downstream;
        if (toxic.Stream is { } rawStream)
        {
            if (rawStream.Value is "upstream") stream = ToxicDirection.Upstream;
            else if (rawStream.Value is not "downstream") diagnostics.Add(rawStream.Location, $"toxic stream '{rawStream.Value}' must be upstream or downstream");
        }
        var toxicity = values.Number(toxic.Toxicity, "toxicity", 1.0, 0, 1);
        if (toxic.Type is null) return null;
        if (!AttributesByType.TryGetValue(toxic.Type.Value, out var allowed))
        {
            diagnostics.Add(toxic.Type.Location, $"unknown toxic type '{toxic.Type.Value}'{DidYouMean.Suffix(toxic.Type.Value, AttributesByType.Keys)}; supported: {string.Join(", ", AttributesByType.Keys)}");
            return null;
        }
        foreach (var (key, value) in toxic.Attributes.Where(a => !allowed.Contains(a.Key)))
        {
            diagnostics.Add(value.Location, $"'{key}' is not an attribute of toxic type '{toxic.Type.Value}'; it takes {string.Join(", ", allowed)}");
        }
        var attributes = Attributes(toxic, values);
        var name = toxic.Name?.Value ?? $"{attributes.Type}_{stream.ToString().ToLowerInvariant()}";
        return toxic.Proxy is null ? null : new ToxicSpec(toxic.Proxy.Value, name, stream, toxicity, attributes);
    }

    private static LatencyAttributesSpec Attributes(ToxicDocument toxic, ValueReader values)
    {
        toxic.Attributes.TryGetValue("latency", out var latency);
        toxic.Attributes.TryGetValue("jitter", out var jitter);
        if (latency is null) values.Diagnostics.Add(toxic.Location, "latency toxic: missing required key 'latency' (e.g. latency: 200ms)");
        return new LatencyAttributesSpec(
            values.Duration(latency, "latency", TimeSpan.Zero, allowZero: true),
            values.Duration(jitter, "jitter", TimeSpan.Zero, allowZero: true));
    }
}
