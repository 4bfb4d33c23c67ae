namespace Harness.Scenarios.Model;

/// <summary>A probe as the scenario declares it; URLs are absolute and checked against allow_hosts.</summary>
public abstract record ProbeSpec(string Name, Uri Url)
{
    /// <summary>The region the probe measures from; its traffic to a regional service crosses that link.</summary>
    public string? Region { get; init; }

    /// <summary>Gray release: this probe's participants split between versions of the target by weight; null for no split.</summary>
    public IReadOnlyList<VersionShare>? Split { get; init; }
}

/// <summary>Repeated HTTP requests expecting a status.</summary>
public sealed record HttpProbeSpec(string Name, Uri Url, string Method, TimeSpan Every, int ExpectStatus, TimeSpan Timeout)
    : ProbeSpec(Name, Url)
{
    /// <summary>Follow redirects (each one more round trip inside the measured request); off by default.</summary>
    public bool FollowRedirects { get; init; }

    /// <summary>Headers, body, bearer token and response checks.</summary>
    public HttpRequestSpec Request { get; init; } = new();
}

/// <summary>WebSocket clients that check a sequenced stream and/or measure echo round trips.</summary>
public sealed record WebSocketProbeSpec(
    string Name,
    Uri Url,
    int Clients,
    TimeSpan ConnectTimeout,
    TimeSpan? ReconnectDelay,
    WebSocketStreamSpec? Stream,
    WebSocketEchoSpec? Echo
) : ProbeSpec(Name, Url)
{
    /// <summary>How clients come back after a disconnect; null keeps <see cref="ReconnectDelay"/>'s fixed behaviour.</summary>
    public Harness.Probes.WebSockets.WebSocketReconnectOptions? Reconnect { get; init; }

    /// <summary>Spread the clients' first connects over this long (seeded offsets).</summary>
    public TimeSpan Ramp { get; init; }

    /// <summary>Silence this long ends a session as a timeout disconnect; null waits forever.</summary>
    public TimeSpan? ReceiveTimeout { get; init; }

    /// <summary>Tags on every sample: who these clients stand for (<c>participant</c>, <c>role</c>).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Handshakes in flight at once; null leaves them unbounded.</summary>
    public int? MaxConnecting { get; init; }

    /// <summary>Headers, subprotocols and bearer token of the opening handshake.</summary>
    public WebSocketHandshakeSpec Handshake { get; init; } = new();

    /// <summary>Numeric fields of received messages recorded as metrics of their own.</summary>
    public IReadOnlyList<WebSocketMetricField> MetricFields { get; init; } = [];

    /// <summary>The largest message a client accepts; a longer one closes the connection with 1009 (too_big).</summary>
    public int MaxMessageBytes { get; init; } = Harness.Probes.WebSockets.WebSocketProbeOptions.DefaultMaxMessageBytes;
}

/// <summary>A real browser (Playwright) running steps, per participant, through the scenario's proxies.</summary>
public sealed record BrowserProbeSpec(
    string Name,
    Uri Url,
    TimeSpan? Every,
    bool Headless,
    string? Executable,
    Uri? WsEndpoint,
    Harness.Probes.Browser.ArtifactMode Screenshots,
    Harness.Probes.Browser.ArtifactMode Trace,
    TimeSpan StepTimeout,
    IReadOnlyList<ParticipantSpec> Participants,
    IReadOnlyList<Harness.Probes.Browser.BrowserStep> Steps
) : ProbeSpec(Name, Url)
{
    /// <summary>How each participant's attributes reach its page: query string, init script, request headers.</summary>
    public Harness.Probes.Browser.AttributeDelivery PassAttributes { get; init; }
}

/// <summary>One kind of browser user: its tags and, optionally, its own proxy (its own network).</summary>
public sealed record ParticipantSpec(string Name, string? Role, string? ClientVersion, string? Proxy, int Count)
{
    /// <summary>Further attributes (network: lossy ...), tagged on every sample like role and client_version.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } =
        System.Collections.Immutable.ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// <c>namespace: client</c> (packet mode): the participant's browser runs in the run's client namespace, a network of its own
    /// reaching the services across its own impaired link; false (<c>harness</c>, the default) runs it in the harness's namespace.
    /// </summary>
    public bool ClientNamespace { get; init; }
}

/// <summary>Many virtual users under a k6-style executor; each iteration is an HTTP request or a WebSocket session.</summary>
public sealed record LoadProbeSpec(
    string Name,
    Uri Url,
    Harness.Probes.Load.LoadExecutor Executor,
    HttpProbeSpec? Http,
    TimeSpan Session,
    long? Iterations,
    TimeSpan GracefulStop
) : ProbeSpec(Name, Url);

/// <summary>JSON fields carrying each frame's sequence number and send time (Unix ms).</summary>
public sealed record WebSocketStreamSpec(string SequenceField, string? TimestampField);

/// <summary>Send a payload of <see cref="Size"/> bytes every <see cref="Every"/> and time its echo.</summary>
public sealed record WebSocketEchoSpec(TimeSpan Every, int Size);
