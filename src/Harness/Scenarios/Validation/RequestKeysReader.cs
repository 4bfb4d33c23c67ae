using System.Text.RegularExpressions;
using Harness.Probes.Http;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Validation;

/// <summary>
/// The request keys of http and websocket probes: <c>headers</c>, <c>bearer_token</c>, <c>body</c>,
/// <c>content_type</c>, <c>expect</c> (http); <c>headers</c>, <c>query</c>, <c>subprotocols</c>, <c>bearer_token</c> (websocket).
/// </summary>
internal static partial class RequestKeysReader
{
    private const string TokenChars = "letters, digits and !#$%&'*+-.^_`|~";

    private static readonly string[] BodyMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public static HttpRequestSpec Http(MappingReader probe, string method, ValueReader values)
    {
        var body = probe.Scalar("body");
        if (body is not null && !BodyMethods.Contains(method))
        {
            values.Diagnostics.Add(
                body.Location,
                $"http probe body needs a method that sends one ({string.Join(", ", BodyMethods)}), not {method}"
            );
        }
        var contentType = probe.Scalar("content_type");
        if (contentType is not null && !System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType.Value, out _))
        {
            values.Diagnostics.Add(
                contentType.Location,
                $"http probe content_type '{contentType.Value}' is not a media type, e.g. application/json"
            );
        }
        return new HttpRequestSpec
        {
            Headers = Headers(probe, "http probe", values),
            BearerToken = probe.Scalar("bearer_token")?.Value,
            Body = body?.Value,
            ContentType = contentType?.Value ?? new HttpRequestSpec().ContentType,
            Expect = Expect(probe, values),
        };
    }

    public static WebSocketHandshakeSpec WebSocket(MappingReader probe, ValueReader values)
    {
        var protocols = probe.ScalarList("subprotocols");
        foreach (var p in protocols.Where(p => !Token().IsMatch(p.Value)))
            values.Diagnostics.Add(p.Location, $"websocket probe subprotocol '{p.Value}' is not a token ({TokenChars})");
        return new WebSocketHandshakeSpec
        {
            Headers = Headers(probe, "websocket probe", values),
            Subprotocols = protocols.Select(p => p.Value).ToList(),
            BearerToken = probe.Scalar("bearer_token")?.Value,
        };
    }

    /// <summary>A mapping of names to single values (<c>headers</c>, <c>query</c>, <c>attributes</c>), in the order written.</summary>
    public static Dictionary<string, string> Pairs(
        MappingReader owner,
        string key,
        string what,
        ValueReader values,
        Func<string, string?>? checkName = null
    )
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = owner.Node(key);
        if (node is null)
            return result;
        if (node is not YamlMappingNode mapping)
        {
            var names = key == "headers" ? "header names" : "names";
            owner.Context.Error(node, $"{what} {key} must be a mapping of {names} to values, found {YamlReadContext.Describe(node)}");
            return result;
        }
        foreach (var (k, v) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (checkName?.Invoke(name) is { } problem)
                owner.Context.Error(k, $"{what} {problem}");
            else if (v is not YamlScalarNode { Value: { } value })
                owner.Context.Error(v, $"{what} {key}: '{name}' must be a single value, found {YamlReadContext.Describe(v)}");
            else if (!result.TryAdd(name, value))
                owner.Context.Error(k, $"{what} {key}: '{name}' is given twice");
        }
        return result;
    }

    private static Dictionary<string, string> Headers(MappingReader probe, string what, ValueReader values) =>
        Pairs(probe, "headers", what, values, n => Token().IsMatch(n) ? null : $"header name '{n}' is not a token ({TokenChars})");

    private static HttpExpectations? Expect(MappingReader probe, ValueReader values)
    {
        var node = probe.Node("expect");
        if (node is null)
            return null;
        var expect = MappingReader.Open(node, "http probe expect", probe.Context, ScenarioKeys.HttpExpect);
        if (expect is null)
            return null;
        var texts = expect.Node("body_contains") is YamlScalarNode ? [expect.Scalar("body_contains")!] : expect.ScalarList("body_contains");
        var json = Pairs(expect, "json", "http probe expect", values, p =>
            HttpExpectations.IsJsonPath(p) ? null : $"json path '{p}' is not a dotted path (a.b.0.c)"
        );
        var headers = Pairs(expect, "headers", "http probe expect", values, n =>
            Token().IsMatch(n) ? null : $"header name '{n}' is not a token"
        );
        return new HttpExpectations
        {
            BodyContains = texts.Count == 0 ? null : texts.Select(t => t.Value).ToList(),
            JsonPathEquals = json.Count == 0 ? null : json,
            HeaderContains = headers.Count == 0 ? null : headers,
        };
    }

    // RFC 9110's token: what a header name or a subprotocol may be made of.
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
