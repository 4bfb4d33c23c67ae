namespace Harness.Scenarios.Loading;

/// <summary>Every key the format knows, per mapping; the loader rejects anything else.</summary>
internal static class ScenarioKeys
{
    public static readonly string[] Root =
    [
        "name",
        "description",
        "tags",
        "seed",
        "max_duration",
        "variables",
        "matrix",
        "regions",
        "target",
        "services",
        "network",
        "timeline",
        "probes",
        "thresholds",
        "versions",
        "gray_release",
    ];
    public static readonly string[] Target = ["base_url", "allow_hosts"];
    public static readonly string[] Service =
    [
        "name",
        "command",
        "working_dir",
        "port",
        "ready_url",
        "ready_timeout",
        "env",
        "region",
        "host",
        "exits",
    ];
    public static readonly string[] Regions = ["rtt", "jitter", "local", "links", "optional", "include_optional"];
    public static readonly string[] RegionLink = ["name", "from", "to"];
    public static readonly string[] Network = ["toxiproxy", "stale_after", "profile", "proxies", "bind_all", "mode"];
    public static readonly string[] ThresholdEntry = ["threshold", "abort_on_fail", "delay", "when"];
    public static readonly string[] ProfileFields = ["rtt", "jitter", "down", "up", "loss"];
    public static readonly string[] ProfileReference = ["name", .. ProfileFields];
    public static readonly string[] ProfileFile = ["name", "description", "source", .. ProfileFields];
    public static readonly string[] Proxy = ["name", "upstream", "listen", "hosts", "profile", "mode"];
    public static readonly string[] Phase = ["phase", "duration", "repeat", "toxics", "events"];
    public static readonly string[] EventActions = ["reset_connections", "disable", "enable", "flap", "ramp", "browser_network"];
    public static readonly string[] Event = ["at", .. EventActions];
    public static readonly string[] Flap = ["proxy", "period", "down"];
    public static readonly string[] Ramp = ["proxy", "toxic", "attribute", "from", "to", "over"];
    public static readonly string[] BrowserNetwork =
    [
        "probe",
        "participant",
        "profile",
        "latency",
        "download",
        "upload",
        "offline",
        "reset",
    ];
    public static readonly string[] ToxicCommon = ["proxy", "type", "stream", "name", "toxicity"];
    public static readonly string[] ToxicAttributes = Model
        .ToxicCatalog.All.Values.SelectMany(t => t.Attributes)
        .Select(a => a.Name)
        .Distinct()
        .ToArray();
    public static readonly string[] ProbeKinds = ["http", "websocket", "browser", "load"];
    public static readonly string[] HttpProbe =
    [
        "name",
        "url",
        "region",
        "method",
        "every",
        "expect_status",
        "timeout",
        "follow_redirects",
        "split",
        "headers",
        "bearer_token",
        "body",
        "content_type",
        "expect",
    ];
    public static readonly string[] WebSocketProbe =
    [
        "name",
        "url",
        "region",
        "participant",
        "role",
        "clients",
        "connect_timeout",
        "reconnect_delay",
        "reconnect",
        "ramp",
        "receive_timeout",
        "stream",
        "echo",
        "max_connecting",
        "max_message_bytes",
        "split",
        "headers",
        "query",
        "subprotocols",
        "bearer_token",
        "client_version",
        "attributes",
        "pass_attributes",
        "metrics",
    ];
    public static readonly string[] Reconnect = ["policy", "delay", "max_delay", "multiplier", "max_attempts"];
    public static readonly string[] BrowserProbe =
    [
        "name",
        "url",
        "every",
        "headless",
        "executable",
        "ws_endpoint",
        "screenshots",
        "trace",
        "step_timeout",
        "participants",
        "steps",
        "pass_attributes",
    ];
    public static readonly string[] Participant = ["name", "role", "client_version", "proxy", "count", "attributes", "namespace"];
    public static readonly string[] LoadProbe =
    [
        "name",
        "executor",
        "vus",
        "duration",
        "start_vus",
        "stages",
        "rate",
        "time_unit",
        "pre_allocated_vus",
        "max_vus",
        "start_rate",
        "iterations",
        "graceful_stop",
        "session",
        "http",
        "websocket",
    ];
    public static readonly string[] LoadStage = ["duration", "target"];
    public static readonly string[] WebSocketStream = ["sequence", "timestamp"];
    public static readonly string[] WebSocketEcho = ["every", "size"];
    public static readonly string[] HttpExpect = ["body_contains", "json", "headers"];
    public static readonly string[] MetricField = ["metric", "field"];

    /// <summary>The keys of a load probe's http section: the request basics of an http probe.</summary>
    public static readonly string[] LoadHttp = ["url", "region", "method", "every", "expect_status", "timeout"];

    public static IReadOnlyDictionary<string, string[]> ProbeSettings { get; } =
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["http"] = HttpProbe,
            ["websocket"] = WebSocketProbe,
            ["browser"] = BrowserProbe,
            ["load"] = LoadProbe,
        };

    /// <summary>Nested mappings a probe kind accepts, with their own keys.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> ProbeSections { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string[]>>(StringComparer.Ordinal)
        {
            ["http"] = new Dictionary<string, string[]>(StringComparer.Ordinal),
            ["websocket"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["stream"] = WebSocketStream,
                ["echo"] = WebSocketEcho,
            },
            ["browser"] = new Dictionary<string, string[]>(StringComparer.Ordinal),
            ["load"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["http"] = LoadHttp, ["websocket"] = ["url"] },
        };
}
