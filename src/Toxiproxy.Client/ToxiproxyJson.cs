using System.Globalization;
using System.Text.Json;

namespace Harness.Toxiproxy.Client;

/// <summary>
/// Wire JSON of the Toxiproxy API, read leniently (unknown members ignored, stream case-insensitive, attributes
/// that are not integers skipped) so both the real server and ours are understood.
/// </summary>
internal static class ToxiproxyJson
{
    public static ProxyInfo ReadProxy(JsonElement e) =>
        new(
            Str(e, "name"),
            Str(e, "listen"),
            Str(e, "upstream"),
            e.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True,
            e.TryGetProperty("toxics", out var toxics) && toxics.ValueKind == JsonValueKind.Array
                ? toxics.EnumerateArray().Select(ReadToxic).ToArray()
                : []
        )
        {
            Protocol =
                e.TryGetProperty("protocol", out var protocol) && protocol.ValueKind == JsonValueKind.String
                    ? protocol.GetString() ?? "tcp"
                    : "tcp",
        };

    public static ToxicInfo ReadToxic(JsonElement e)
    {
        var attributes = new Dictionary<string, long>(StringComparer.Ordinal);
        if (e.TryGetProperty("attributes", out var raw) && raw.ValueKind == JsonValueKind.Object)
        {
            foreach (var attribute in raw.EnumerateObject())
            {
                if (attribute.Value.ValueKind == JsonValueKind.Number && attribute.Value.TryGetInt64(out var value))
                    attributes[attribute.Name] = value;
            }
        }
        var toxicity = e.TryGetProperty("toxicity", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 1.0;
        return new ToxicInfo(Str(e, "name"), Str(e, "type"), ParseStream(Str(e, "stream")), toxicity, attributes);
    }

    public static ToxicStream ParseStream(string stream) =>
        string.Equals(stream, "upstream", StringComparison.OrdinalIgnoreCase) ? ToxicStream.Upstream : ToxicStream.Downstream;

    public static string StreamName(ToxicStream stream) => stream == ToxicStream.Upstream ? "upstream" : "downstream";

    public static void WriteProxy(Utf8JsonWriter w, ProxyDefinition proxy)
    {
        w.WriteStartObject();
        w.WriteString("name", proxy.Name);
        w.WriteString("upstream", proxy.Upstream);
        if (!string.IsNullOrEmpty(proxy.Listen))
            w.WriteString("listen", proxy.Listen);
        w.WriteBoolean("enabled", proxy.Enabled);
        if (!string.IsNullOrEmpty(proxy.Protocol))
            w.WriteString("protocol", proxy.Protocol);
        w.WriteEndObject();
    }

    public static void WriteAttributes(Utf8JsonWriter w, IReadOnlyDictionary<string, long> attributes)
    {
        w.WriteStartObject("attributes");
        foreach (var (name, value) in attributes)
            w.WriteNumber(name, value);
        w.WriteEndObject();
    }

    /// <summary>The error text of a failed call: the JSON <c>error</c> member whatever the Content-Type, else the body.</summary>
    public static string ErrorMessage(string body, string? reason)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (
                document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
            )
            {
                return error.GetString() ?? "";
            }
        }
        catch (JsonException) { }
        var text = body.Trim();
        return text.Length > 0 ? text : reason ?? "";
    }

    public static string Version(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("version", out var v))
            {
                return v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText();
            }
        }
        catch (JsonException)
        {
            // Servers before 2.7 answer with the bare version as text/plain.
        }
        return body.Trim();
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
