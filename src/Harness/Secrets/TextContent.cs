using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Scenarios.Loading;

namespace Harness.Secrets;

/// <summary>Telling text from binary content, and masking text so that JSON stays JSON.</summary>
internal static class TextContent
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Text is valid UTF-8 without NUL bytes; anything else (images, video, fonts) is binary.</summary>
    public static bool TryDecode(byte[] bytes, out string text)
    {
        text = string.Empty;
        if (bytes.AsSpan().IndexOf((byte)0) >= 0)
            return false;
        try
        {
            text = Utf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// Masks <paramref name="text"/>. Lines of a JSON-lines file (a trace's <c>.trace</c>/<c>.network</c>, <c>.jsonl</c>)
    /// are masked value by value, so a mask never swallows a quote that ends a string; other text as a whole.
    /// </summary>
    public static string Redact(string name, string text, Redactor redactor)
    {
        if (!IsJsonLines(name))
            return redactor.Apply(text);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            lines[i] = RedactJsonLine(lines[i], redactor);
        return string.Join('\n', lines);
    }

    private static bool IsJsonLines(string name) =>
        new[] { ".trace", ".network", ".stacks", ".jsonl", ".json" }.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string RedactJsonLine(string line, Redactor redactor)
    {
        if (string.IsNullOrWhiteSpace(line))
            return line;
        try
        {
            var node = JsonNode.Parse(line);
            return node is null ? line : Mask(node, redactor)?.ToJsonString(Compact) ?? "null";
        }
        catch (JsonException)
        {
            return redactor.Apply(line); // not one JSON value per line: masked as text
        }
    }

    /// <summary>
    /// A HAR request (a trace's network log) also carries its query split into decoded pairs, which cuts a secret holding
    /// <c>&amp;</c> or <c>=</c> into pieces no pattern finds: when its URL held a secret, the pairs are rebuilt from the masked URL.
    /// </summary>
    private static void RebuildQueryString(JsonObject request, IReadOnlyList<KeyValuePair<string, JsonNode?>> original)
    {
        var url = original.FirstOrDefault(p => p.Key == "url").Value;
        if (request["queryString"] is not JsonArray || url is not JsonValue raw || raw.GetValueKind() != JsonValueKind.String)
            return;
        if (request["url"]?.GetValue<string>() is not { } masked || masked == raw.GetValue<string>())
            return;
        var query = masked.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? masked[(at + 1)..].Split('#')[0] : "";
        var pairs = new JsonArray();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = part.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0
                ? (part[..eq], part[(eq + 1)..])
                : (part, "");
            pairs.Add(new JsonObject { ["name"] = Decode(name), ["value"] = Decode(value) });
        }
        request["queryString"] = pairs;
    }

    private static string Decode(string part)
    {
        try
        {
            return Uri.UnescapeDataString(part.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return part;
        }
    }

    private static JsonNode? Mask(JsonNode? node, Redactor redactor)
    {
        switch (node)
        {
            case JsonObject obj:
                // Detached, masked and put back in their order (a key may be a secret too).
                var properties = obj.ToList();
                obj.Clear();
                foreach (var (key, value) in properties)
                    obj[redactor.Apply(key)] = Mask(value, redactor);
                RebuildQueryString(obj, properties);
                return obj;
            case JsonArray array:
                var items = array.ToList();
                array.Clear();
                foreach (var item in items)
                    array.Add(Mask(item, redactor));
                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(redactor.Apply(value.GetValue<string>()));
            default:
                return node;
        }
    }
}
