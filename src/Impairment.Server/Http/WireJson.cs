using System.Text.Encodings.Web;
using System.Text.Json;
using Harness.Impairment.Model;

namespace Harness.Impairment.Server.Http;

/// <summary>Proxy and toxic objects in the real server's field order, compact, without trailing newline.</summary>
internal static class WireJson
{
    // Go leaves quotes and non-ASCII text alone but escapes <, > and & (lowercase hex); the relaxed encoder plus
    // a byte pass gives the same bytes. Those three characters can only occur inside strings, so the pass is safe.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }
        var bytes = buffer.ToArray();
        return bytes.AsSpan().IndexOfAny("<>&"u8) < 0 ? bytes : EscapeHtml(bytes);
    }

    private static byte[] EscapeHtml(byte[] json)
    {
        var escaped = new List<byte>(json.Length + 16);
        foreach (var b in json)
        {
            escaped.AddRange(
                b switch
                {
                    (byte)'<' => "\\u003c"u8.ToArray(),
                    (byte)'>' => "\\u003e"u8.ToArray(),
                    (byte)'&' => "\\u0026"u8.ToArray(),
                    _ => [b],
                }
            );
        }
        return [.. escaped];
    }

    public static byte[] Proxy(ProxyState proxy) => Write(w => WriteProxy(w, proxy));

    public static byte[] Toxic(ToxicState toxic) => Write(w => WriteToxic(w, toxic));

    public static byte[] Toxics(IReadOnlyList<ToxicState> toxics) => Write(w => WriteToxics(w, toxics));

    public static byte[] ProxyMap(IReadOnlyList<ProxyState> proxies) =>
        Write(w =>
        {
            w.WriteStartObject();
            foreach (var proxy in proxies.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                w.WritePropertyName(proxy.Name);
                WriteProxy(w, proxy);
            }
            w.WriteEndObject();
        });

    public static void WriteProxy(Utf8JsonWriter w, ProxyState proxy)
    {
        w.WriteStartObject();
        w.WriteString("name", proxy.Name);
        w.WriteString("listen", proxy.Listen);
        w.WriteString("upstream", proxy.Upstream);
        w.WriteBoolean("enabled", proxy.Enabled);
        // Ours only: TCP proxies stay byte-identical to Toxiproxy's objects, so the member appears for UDP alone.
        if (proxy.Protocol == ProxyProtocol.Udp)
            w.WriteString("protocol", "udp");
        // The real server leaks an untagged Go field as "Logger":{}; kept so byte-level comparisons match.
        w.WriteStartObject("Logger");
        w.WriteEndObject();
        w.WritePropertyName("toxics");
        WriteToxics(w, proxy.Toxics);
        w.WriteEndObject();
    }

    private static void WriteToxics(Utf8JsonWriter w, IReadOnlyList<ToxicState> toxics)
    {
        w.WriteStartArray();
        foreach (var toxic in toxics)
            WriteToxic(w, toxic);
        w.WriteEndArray();
    }

    private static void WriteToxic(Utf8JsonWriter w, ToxicState toxic)
    {
        w.WriteStartObject();
        w.WriteStartObject("attributes");
        foreach (var attribute in toxic.Attributes)
            w.WriteNumber(attribute.Name, attribute.Value);
        w.WriteEndObject();
        w.WriteString("name", toxic.Name);
        w.WriteString("type", toxic.Type);
        w.WriteString("stream", toxic.Stream);
        w.WriteNumber("toxicity", toxic.Toxicity);
        w.WriteEndObject();
    }
}
