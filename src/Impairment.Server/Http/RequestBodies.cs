using System.Text.Json;
using Harness.Impairment.Model;

namespace Harness.Impairment.Server.Http;

/// <summary>Request bodies decoded into engine inputs; every failure is the real server's 400 message.</summary>
internal static class RequestBodies
{
    // reflect's spelling of the anonymous structs the real server decodes populate entries and toxic updates into.
    private const string PopulateEntryType = "struct { toxiproxy.Proxy; Enabled *bool \"json:\\\"enabled\\\"\" }";
    private const string ToxicUpdateType =
        "struct { Attributes interface {} \"json:\\\"attributes\\\"\"; Toxicity float32 \"json:\\\"toxicity\\\"\" }";

    public static ImpairmentResult<ProxySpec> ProxyCreate(ReadOnlyMemory<byte> body)
    {
        if (!TryObject(body, out var proxy, out var error))
            return error;
        return ProxySpec(proxy);
    }

    public static ImpairmentResult<ProxyPatch> ProxyUpdate(ReadOnlyMemory<byte> body)
    {
        if (!TryObject(body, out var proxy, out var error))
            return error;
        string? problem = null;
        proxy.TryString("listen", out var listen, ref problem);
        proxy.TryString("upstream", out var upstream, ref problem);
        proxy.TryBool("enabled", out var enabled, ref problem);
        proxy.TryString("name", out _, ref problem);
        return problem is null ? new ProxyPatch(listen, upstream, enabled) : ImpairmentError.BadBody(problem);
    }

    /// <summary>
    /// The /populate list, decoded one entry at a time after a token scan of the whole value: memory beyond the body
    /// itself is one entry's document, however long the list.
    /// </summary>
    public static ImpairmentResult<IReadOnlyList<ProxySpec>> ProxyList(ReadOnlyMemory<byte> body)
    {
        if (!GoJson.TryScanFirstValue(body, out var start, out var parseError))
            return ImpairmentError.BadBody(parseError);
        var reader = new Utf8JsonReader(body.Span[start..], new JsonReaderOptions { AllowMultipleValues = true });
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return ImpairmentResult<IReadOnlyList<ProxySpec>>.Success([]);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            var kind = GoJson.KindName(reader.TokenType);
            return ImpairmentError.BadBody($"json: cannot unmarshal {kind} into Go value of type []{PopulateEntryType}");
        }
        var specs = new List<ProxySpec>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            using var item = JsonDocument.ParseValue(ref reader);
            // Entries decode into an anonymous Go struct (Proxy plus a nullable enabled): messages read ".name".
            if (!GoObject.TryCreate(item.RootElement, "", PopulateEntryType, out var proxy, out var itemError))
            {
                return ImpairmentError.BadBody(itemError);
            }
            var spec = ProxySpec(proxy);
            if (!spec.IsSuccess)
                return spec.Error;
            specs.Add(spec.Value);
        }
        return ImpairmentResult<IReadOnlyList<ProxySpec>>.Success(specs);
    }

    public static ImpairmentResult<ToxicSpec> ToxicCreate(ReadOnlyMemory<byte> body)
    {
        if (!TryObject(body, out var toxic, out var error, "ToxicWrapper", "toxics.ToxicWrapper"))
            return error;
        string? problem = null;
        toxic.TryString("name", out var name, ref problem);
        toxic.TryString("type", out var type, ref problem);
        toxic.TryString("stream", out var stream, ref problem);
        toxic.TryFloat32("toxicity", out var toxicity, ref problem);
        // The first decode holds a NoopToxic behind "attributes"; the type's own struct is decoded later.
        toxic.TryObject("attributes", "toxics.NoopToxic", out var attributes, ref problem);
        if (problem is not null)
            return ImpairmentError.BadBody(problem);
        return new ToxicSpec(type ?? "", name, stream, toxicity ?? 1f, attributes is null ? null : new JsonAttributeInput(attributes));
    }

    /// <summary><paramref name="goStructName"/> is the current toxic's Go struct (e.g. LatencyToxic), for messages.</summary>
    public static ImpairmentResult<ToxicPatch> ToxicUpdate(ReadOnlyMemory<byte> body, string goStructName)
    {
        if (!TryObject(body, out var toxic, out var error, "", ToxicUpdateType))
            return error;
        string? problem = null;
        toxic.TryObject("attributes", "toxics." + goStructName, out var attributes, ref problem);
        toxic.TryFloat32("toxicity", out var toxicity, ref problem);
        if (problem is not null)
            return ImpairmentError.BadBody(problem);
        return new ToxicPatch(attributes is null ? null : new JsonAttributeInput(attributes), toxicity);
    }

    private static ImpairmentResult<ProxySpec> ProxySpec(GoObject proxy)
    {
        string? problem = null;
        proxy.TryString("name", out var name, ref problem);
        proxy.TryString("listen", out var listen, ref problem);
        proxy.TryString("upstream", out var upstream, ref problem);
        proxy.TryBool("enabled", out var enabled, ref problem);
        proxy.TryString("protocol", out var protocol, ref problem);
        if (problem is not null)
            return ImpairmentError.BadBody(problem);
        if (!TryProtocol(protocol, out var parsed))
            return ImpairmentError.BadBody("protocol must be tcp or udp");
        return new ProxySpec(name ?? "", upstream ?? "", listen ?? "", enabled ?? true) { Protocol = parsed };
    }

    // Our extension (docs/udp.md): absent, empty or "tcp" is TCP; "udp" is UDP; case-insensitive.
    private static bool TryProtocol(string? value, out ProxyProtocol protocol)
    {
        protocol = string.Equals(value, "udp", StringComparison.OrdinalIgnoreCase) ? ProxyProtocol.Udp : ProxyProtocol.Tcp;
        return string.IsNullOrEmpty(value)
            || protocol == ProxyProtocol.Udp
            || string.Equals(value, "tcp", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryObject(
        ReadOnlyMemory<byte> body,
        out GoObject value,
        out ImpairmentError error,
        string goStruct = "Proxy",
        string goType = "toxiproxy.Proxy"
    )
    {
        value = null!;
        error = null!;
        if (!GoJson.TryParseFirstValue(body, out var root, out var parseError))
        {
            error = ImpairmentError.BadBody(parseError);
            return false;
        }
        if (!GoObject.TryCreate(root, goStruct, goType, out var created, out var typeError))
        {
            error = ImpairmentError.BadBody(typeError);
            return false;
        }
        value = created;
        return true;
    }
}
