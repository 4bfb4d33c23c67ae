namespace LiveRoom.Incidents.Storm;

/// <summary>
/// The reconnect-storm incident's settings (<c>LiveRoom:Storm:*</c>): the cost and capacity of the room socket's
/// opening handshake, the whiteboard page client's reconnect policy, and edges of which one may serve a stale
/// client bundle. Both bug switches (<see cref="ImmediateReconnect"/>, <see cref="StaleEdge"/>) are off by default.
/// </summary>
public sealed record StormOptions
{
    public const int MaxHandshakeRate = 100_000;

    /// <summary>
    /// Room handshakes completed per second, one after another in arrival order; 0 (the default) does not limit them.
    /// Each handshake waits for its turn and then takes its share of the second, also when its client has given
    /// up meanwhile: like a TLS terminator doing key exchanges for connections whose client already left.
    /// </summary>
    public int HandshakeRate { get; init; }

    /// <summary>
    /// Bug switch: the whiteboard page client reconnects at once after every close. Off (the default), it waits a
    /// uniform random time in [0, min(<see cref="ReconnectMaxMs"/>, <see cref="ReconnectBaseMs"/>·2^(n-1))] before attempt n.
    /// </summary>
    public bool ImmediateReconnect { get; init; }

    /// <summary>The page client's backoff base, in ms. Defaults to 5000.</summary>
    public int ReconnectBaseMs { get; init; } = 5000;

    /// <summary>The page client's backoff cap, in ms. Defaults to 30000.</summary>
    public int ReconnectMaxMs { get; init; } = 30000;

    /// <summary>Edges serving the whiteboard under <c>/edge/{n}/</c>, n from 1. Defaults to 3.</summary>
    public int Edges { get; init; } = 3;

    /// <summary>
    /// Bug switch: the edge (1 to <see cref="Edges"/>) that still serves <see cref="StaleBundleVersion"/>; 0 (the default) for none.
    /// </summary>
    public int StaleEdge { get; init; }

    /// <summary>The client bundle version a stale edge serves. Defaults to "0.9.0".</summary>
    public string StaleBundleVersion { get; init; } = "0.9.0";

    internal IEnumerable<string> Validate(string version)
    {
        if (HandshakeRate is < 0 or > MaxHandshakeRate)
            yield return $"LiveRoom:Storm:HandshakeRate must be between 0 and {MaxHandshakeRate}, got {HandshakeRate}";
        if (ReconnectBaseMs < 0 || ReconnectMaxMs < ReconnectBaseMs)
            yield return $"LiveRoom:Storm:ReconnectBaseMs must be at least 0 and ReconnectMaxMs at least ReconnectBaseMs, got {ReconnectBaseMs} and {ReconnectMaxMs}";
        if (Edges is < 1 or > 100)
            yield return $"LiveRoom:Storm:Edges must be between 1 and 100, got {Edges}";
        if (StaleEdge < 0 || StaleEdge > Edges)
            yield return $"LiveRoom:Storm:StaleEdge must be between 0 (none) and Edges ({Edges}), got {StaleEdge}";
        if (!BundleVersion.IsValid(StaleBundleVersion) || StaleBundleVersion == version)
            yield return $"LiveRoom:Storm:StaleBundleVersion must be a version like 0.9.0 other than LiveRoom:Version, got '{StaleBundleVersion}'";
    }
}
