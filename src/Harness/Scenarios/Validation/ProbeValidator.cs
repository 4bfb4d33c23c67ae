using Harness.Probes.WebSockets;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>A validated probe together with where its URL was written, for later host checks.</summary>
internal sealed record ValidatedProbe(ProbeSpec Spec, SourceLocation UrlLocation)
{
    public SourceLocation? RegionLocation { get; init; }

    /// <summary>The pages a browser probe's <c>goto</c> steps open, as written (absolute or relative to target.base_url).</summary>
    public IReadOnlyList<Located<string>> PageUrls { get; init; } = [];
}

internal static class ProbeValidator
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>1 GiB: a client holds up to this much per message it assembles.</summary>
    private const int MaxMessageBytesLimit = 1 << 30;

    public static IReadOnlyList<ValidatedProbe> Validate(
        IReadOnlyList<ProbeDocument> probes,
        Uri? baseUrl,
        NetworkSpec network,
        SourceLocation scenario,
        ValueReader values
    )
    {
        if (probes.Count == 0)
            values.Diagnostics.Add(scenario, "probes: at least one probe is needed");
        ScenarioValidator.CheckUnique(probes, p => Get(p, "name"), "probe name", values.Diagnostics);
        var result = new List<ValidatedProbe>();
        foreach (var probe in probes)
        {
            var name = Get(probe, "name");
            if (name is null)
                values.Diagnostics.Add(probe.Location, $"{probe.Kind} probe: missing required key 'name'");
            var checkedName = ScenarioValidator.CheckName(name, "probe name", values.Diagnostics);
            var url = Get(probe, "url");
            var pageUrls = new List<Located<string>>();
            if (url is null && probe.Kind is "http" or "websocket")
                values.Diagnostics.Add(probe.Location, $"{probe.Kind} probe: missing required key 'url'");
            ProbeSpec? spec = probe.Kind switch
            {
                "http" => Http(probe, checkedName, url, baseUrl, values),
                "websocket" => WebSocket(probe, checkedName, url, baseUrl, values),
                "browser" => BrowserProbeValidator.Validate(probe, checkedName, baseUrl, network, values, pageUrls),
                _ => LoadProbeValidator.Validate(probe, checkedName, baseUrl, values),
            };
            if (spec is null)
                continue;
            result.Add(
                new ValidatedProbe(spec with { Region = Get(probe, "region")?.Value }, url?.Location ?? probe.Location)
                {
                    RegionLocation = Get(probe, "region")?.Location,
                    PageUrls = pageUrls,
                }
            );
        }
        return result;
    }

    private static Located<string>? Get(ProbeDocument probe, string key) => probe.Settings.GetValueOrDefault(key);

    private static HttpProbeSpec? Http(ProbeDocument probe, string? name, Located<string>? rawUrl, Uri? baseUrl, ValueReader values)
    {
        var url = values.AbsoluteUrl(rawUrl, "http probe url", baseUrl, "http", "https");
        var method = Get(probe, "method")?.Value.ToUpperInvariant() ?? "GET";
        if (!Methods.Contains(method))
            values.Diagnostics.Add(
                Get(probe, "method")!.Location,
                $"http probe method '{method}' must be one of {string.Join(", ", Methods)}"
            );
        var every = values.Duration(Get(probe, "every"), "http probe every", TimeSpan.FromSeconds(1));
        var status = values.Integer(Get(probe, "expect_status"), "http probe expect_status", 200, 100, 599);
        var timeout = values.Duration(Get(probe, "timeout"), "http probe timeout", TimeSpan.FromSeconds(10));
        var follow = values.Flag(Get(probe, "follow_redirects"), "http probe follow_redirects");
        var request = RequestKeysReader.Http(probe.Body!, method, values);
        return name is null || url is null
            ? null
            : new HttpProbeSpec(name, url, method, every, status, timeout) { FollowRedirects = follow, Request = request };
    }

    private static WebSocketProbeSpec? WebSocket(
        ProbeDocument probe,
        string? name,
        Located<string>? rawUrl,
        Uri? baseUrl,
        ValueReader values
    )
    {
        var url = values.AbsoluteUrl(rawUrl, "websocket probe url", baseUrl, "ws", "wss");
        var clients = values.Integer(Get(probe, "clients"), "websocket probe clients", 1, 1, 100_000);
        var connectTimeout = values.Duration(Get(probe, "connect_timeout"), "websocket probe connect_timeout", TimeSpan.FromSeconds(10));
        TimeSpan? reconnect = Get(probe, "reconnect_delay") is { } raw
            ? values.Duration(raw, "websocket probe reconnect_delay", TimeSpan.FromSeconds(1), allowZero: true)
            : null;
        WebSocketStreamSpec? stream = null;
        if (probe.Sections.TryGetValue("stream", out var s))
        {
            stream = new WebSocketStreamSpec(
                s.GetValueOrDefault("sequence")?.Value ?? "seq",
                s.GetValueOrDefault("timestamp")?.Value ?? "ts"
            );
        }
        WebSocketEchoSpec? echo = null;
        if (probe.Sections.TryGetValue("echo", out var e))
        {
            echo = new WebSocketEchoSpec(
                values.Duration(e.GetValueOrDefault("every"), "websocket echo every", TimeSpan.FromSeconds(1)),
                values.Integer(e.GetValueOrDefault("size"), "websocket echo size", 32, 1, 1 << 20)
            );
        }
        var ramp = values.Duration(Get(probe, "ramp"), "websocket probe ramp", TimeSpan.Zero, allowZero: true);
        TimeSpan? receiveTimeout = Get(probe, "receive_timeout") is { } rt
            ? values.Duration(rt, "websocket probe receive_timeout", TimeSpan.FromSeconds(30))
            : null;
        var policy = WebSocketOptionsValidator.Reconnect(probe.Body, values);
        var body = probe.Body!;
        var tags = new[] { "participant", "role", "client_version" }
            .Where(k => Get(probe, k) is not null)
            .ToDictionary(k => k, k => Get(probe, k)!.Value, StringComparer.Ordinal);
        foreach (var (k, v) in AttributeKeysReader.Attributes(body, "websocket probe", values))
            tags[k] = v;
        var handshake = RequestKeysReader.WebSocket(body, values);
        var query = RequestKeysReader.Pairs(body, "query", "websocket probe", values);
        var mode = AttributeKeysReader.PassAttributes(body, "websocket probe", values, "query", "header");
        int? maxConnecting = Get(probe, "max_connecting") is { } mc
            ? values.Integer(mc, "websocket probe max_connecting", 1, 1, 100_000)
            : null;
        var maxMessageBytes = values.Size(
            Get(probe, "max_message_bytes"),
            "websocket probe max_message_bytes",
            WebSocketProbeOptions.DefaultMaxMessageBytes,
            1,
            MaxMessageBytesLimit
        );
        if (url is null || name is null)
            return null;
        var (passedUrl, headers) = AttributeKeysReader.Pass(url, query, handshake.Headers, tags, mode);
        return new WebSocketProbeSpec(name, passedUrl, clients, connectTimeout, reconnect, stream, echo)
        {
            Reconnect = policy,
            Ramp = ramp,
            ReceiveTimeout = receiveTimeout,
            MaxConnecting = maxConnecting,
            MaxMessageBytes = maxMessageBytes,
            Tags = tags,
            Handshake = handshake with { Headers = headers },
            MetricFields = AttributeKeysReader.MetricFields(body, values),
        };
    }
}
