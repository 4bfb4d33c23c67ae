using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>Builds a typed toxic from its raw keys: the type is read first, then only that type's attributes are accepted.</summary>
internal static class ToxicValidator
{
    public static ToxicSpec? Validate(ToxicDocument toxic, NetworkSpec network, ValueReader values)
    {
        var diagnostics = values.Diagnostics;
        if (toxic.Proxy is { } proxy && network.Proxies.All(p => p.Name != proxy.Value))
        {
            var known = network.Proxies.Select(p => p.Name).ToList();
            diagnostics.Add(
                proxy.Location,
                $"toxic proxy '{proxy.Value}' is not declared under network.proxies{DidYouMean.Suffix(proxy.Value, known)}"
            );
        }
        var stream = ToxicDirection.Downstream;
        if (toxic.Stream is { } rawStream)
        {
            if (rawStream.Value is "upstream")
                stream = ToxicDirection.Upstream;
            else if (rawStream.Value is not "downstream")
                diagnostics.Add(rawStream.Location, $"toxic stream '{rawStream.Value}' must be upstream or downstream");
        }
        var toxicity = values.Number(toxic.Toxicity, "toxicity", 1.0, 0, 1);
        if (toxic.Type is null)
            return null;
        if (!ToxicCatalog.All.TryGetValue(toxic.Type.Value, out var type))
        {
            diagnostics.Add(
                toxic.Type.Location,
                $"unknown toxic type '{toxic.Type.Value}'{DidYouMean.Suffix(toxic.Type.Value, ToxicCatalog.All.Keys)}; known: {string.Join(", ", ToxicCatalog.All.Keys)}"
            );
            return null;
        }
        var attributes = Attributes(toxic, type, diagnostics);
        if (type.Type == "loss" && !attributes.ContainsKey("probability") && !attributes.ContainsKey("probability_ppm"))
        {
            diagnostics.Add(toxic.Location, "loss toxic: give 'probability' (percent, e.g. 2%) or 'probability_ppm' (parts per million)");
        }
        PacketModeValidator.CheckToxic(toxic, type, toxicity, attributes, network, diagnostics);
        var name = toxic.Name?.Value ?? $"{type.Type}_{stream.ToString().ToLowerInvariant()}";
        return toxic.Proxy is null ? null : new ToxicSpec(toxic.Proxy.Value, name, type.Type, stream, toxicity, attributes);
    }

    private static Dictionary<string, long> Attributes(ToxicDocument toxic, ToxicTypeInfo type, DiagnosticBag diagnostics)
    {
        var known = type.Attributes.Select(a => a.Name).ToList();
        foreach (var (key, value) in toxic.Attributes.Where(a => !known.Contains(a.Key)))
        {
            diagnostics.Add(
                value.Location,
                $"'{key}' is not an attribute of toxic type '{type.Type}'; it takes {string.Join(", ", known)}"
            );
        }
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var attribute in type.Attributes)
        {
            if (!toxic.Attributes.TryGetValue(attribute.Name, out var raw))
            {
                if (attribute.Required)
                    diagnostics.Add(
                        toxic.Location,
                        $"{type.Type} toxic: missing required key '{attribute.Name}' ({UnitParser.Expected(attribute.Unit)})"
                    );
                // Left out, the server applies the attribute's default (Toxiproxy's are all 0; ours may differ, e.g. loss segment_size).
                continue;
            }
            var (value, error) = UnitParser.Parse(raw.Value, attribute.Unit);
            if (error is null && (value < attribute.Min || value > attribute.Max))
            {
                var min = attribute.Min.ToString(System.Globalization.CultureInfo.InvariantCulture);
                error =
                    attribute.Max == long.MaxValue
                        ? $"must be at least {min}"
                        : $"must be {min} to {attribute.Max.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            }
            if (error is not null)
                diagnostics.Add(raw.Location, $"{type.Type} {attribute.Name}: {error}");
            result[attribute.Name] = value;
        }
        return result;
    }
}
