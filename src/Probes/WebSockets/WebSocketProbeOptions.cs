namespace Harness.Probes.WebSockets;

/// <summary>What a <see cref="WebSocketProbe"/> connects to, how many clients it runs and what it checks.</summary>
/// <param name="Name">The probe's name; every sample carries it.</param>
/// <param name="Url">An absolute ws: or wss: URL.</param>
public sealed partial record WebSocketProbeOptions(string Name, Uri Url)
{
    /// <summary>Concurrent clients, each with its own connection. Defaults to 1.</summary>
    public int Clients { get; init; } = 1;

    /// <summary>Limit for one opening handshake (TCP, TLS, HTTP upgrade). Defaults to 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks received messages as a sequenced stream; null to skip.</summary>
    public WebSocketStreamCheck? Stream { get; init; }

    /// <summary>Sends payloads and times their echo or correlated reply; null to send nothing.</summary>
    public WebSocketEchoOptions? Echo { get; init; }

    /// <summary>
    /// Shorthand for a fixed reconnect delay, used only when <see cref="Reconnect"/> is null. Null (the default)
    /// never reconnects.
    /// </summary>
    public TimeSpan? ReconnectDelay { get; init; }

    /// <summary>
    /// Whether and when a client reconnects after a disconnect or a failed handshake; overrides <see cref="ReconnectDelay"/>. Defaults to
    /// null.
    /// </summary>
    public WebSocketReconnectOptions? Reconnect { get; init; }

    /// <summary>
    /// Handshakes in flight at once across all clients; the others wait for a slot, and that wait counts against
    /// their <see cref="ConnectTimeout"/>. Null (the default) leaves them unbounded, as real clients are.
    /// </summary>
    public int? MaxConcurrentConnects { get; init; }

    /// <summary>
    /// Spreads the clients' first connects over this time: client i starts at a seeded random point of the
    /// i-th of <see cref="Clients"/> equal slots. Defaults to zero (all start at once, still capped by
    /// <see cref="MaxConcurrentConnects"/>).
    /// </summary>
    public TimeSpan RampDuration { get; init; } = TimeSpan.Zero;

    /// <summary>Seeds every random draw (jitter, start offsets), so a run repeats. Defaults to 0.</summary>
    public int Seed { get; init; }

    /// <summary>Extra handshake request headers, as values (the CLI resolves environment variables). Null for none.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Subprotocols offered in the handshake (Sec-WebSocket-Protocol). Null for none.</summary>
    public IReadOnlyList<string>? Subprotocols { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> in the handshake. Null for none.</summary>
    public string? BearerToken { get; init; }

    /// <summary>
    /// A connection that receives nothing for this long is dropped as a "timeout" disconnect. Null (the default) waits forever.
    /// </summary>
    public TimeSpan? ReceiveTimeout { get; init; }

    /// <summary>
    /// Tags added to every sample, for example <c>role=student</c>; keep their values few (they multiply series).
    /// Null for none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>
    /// Tags every sample with the client's index (<c>client=17</c>). Defaults to false: with thousands of clients
    /// it multiplies series by the client count; use <see cref="Tags"/> (role, participant) instead.
    /// </summary>
    public bool TagClients { get; init; }

    /// <summary>Numeric fields of received JSON messages recorded as metrics of their own. Null for none.</summary>
    public IReadOnlyList<WebSocketFieldMetric>? MetricFields { get; init; }

    /// <summary>
    /// The largest message a client accepts, in bytes, counted while its frames arrive: a message that grows past it
    /// (a huge one, or frames that never end) closes the connection with 1009 (message too big) and ends the session
    /// as a <c>too_big</c> disconnect. Bounds what a hostile or broken server can make the harness hold. Defaults to 1 MiB.
    /// </summary>
    public int MaxMessageBytes { get; init; } = DefaultMaxMessageBytes;

    /// <summary>The default <see cref="MaxMessageBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;
}
