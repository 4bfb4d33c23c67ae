namespace Harness.Probes.WebSockets;

/// <summary>What a <see cref="WebSocketProbe"/> connects to, how many clients it runs and what it checks.</summary>
/// <param name="Name">The probe's name; every sample carries it.</param>
/// <param name="Url">An absolute ws: or wss: URL.</param>
public sealed record WebSocketProbeOptions(string Name, Uri Url)
{
    /// <summary>Concurrent clients, each with its own connection. Defaults to 1.</summary>
    public int Clients { get; init; } = 1;

    /// <summary>Limit for one opening handshake (TCP, TLS, HTTP upgrade). Defaults to 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks received messages as a sequenced stream; null to skip.</summary>
    public WebSocketStreamCheck? Stream { get; init; }

    /// <summary>Sends payloads and times their echo; null to send nothing.</summary>
    public WebSocketEchoOptions? Echo { get; init; }

    /// <summary>Delay before a client reconnects after its session ends or its handshake fails; null (the default) never reconnects.</summary>
    public TimeSpan? ReconnectDelay { get; init; }

    /// <summary>Handshakes in flight at once across all clients; more would overflow the target's listen backlog. Defaults to 100.</summary>
    public int MaxConcurrentConnects { get; init; } = 100;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeWs && Url.Scheme != Uri.UriSchemeWss))
            throw new ArgumentException($"probe '{Name}': Url must be an absolute ws or wss URL, got '{Url}'");
        ArgumentOutOfRangeException.ThrowIfLessThan(Clients, 1, nameof(Clients));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentConnects, 1, nameof(MaxConcurrentConnects));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        if (ReconnectDelay is { } delay) ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(ReconnectDelay));
        if (Echo is { } echo)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(echo.Interval, TimeSpan.Zero, "Echo.Interval");
            ArgumentOutOfRangeException.ThrowIfLessThan(echo.PayloadBytes, 1, "Echo.PayloadBytes");
        }
        if (Stream is { } stream) ArgumentException.ThrowIfNullOrWhiteSpace(stream.SequenceField, "Stream.SequenceField");
    }
}

/// <summary>
/// Reads each text message as a JSON object with a sequence number and, optionally, a send timestamp
/// (Unix epoch milliseconds, fractions allowed). Field names are top-level properties.
/// </summary>
public sealed record WebSocketStreamCheck
{
    /// <summary>Defaults to "seq".</summary>
    public string SequenceField { get; init; } = "seq";

    /// <summary>Defaults to "ts"; null to skip ws_frame_delay.</summary>
    public string? TimestampField { get; init; } = "ts";
}

/// <summary>Sends a unique text payload periodically and measures the time until the same payload comes back.</summary>
public sealed record WebSocketEchoOptions
{
    /// <summary>Time between sends. Defaults to 1 s.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Payload size; a payload is never shorter than its unique prefix (about 20 bytes). Defaults to 32.</summary>
    public int PayloadBytes { get; init; } = 32;
}
