namespace LiveRoom.Incidents.Storm;

/// <summary>
/// The cost and capacity of the room socket's opening handshake (<c>LiveRoom:Storm:*</c>), for the reconnect
/// storm incident: a secure handshake path that completes only so many handshakes per second.
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

    internal IEnumerable<string> Validate()
    {
        if (HandshakeRate is < 0 or > MaxHandshakeRate)
            yield return $"LiveRoom:Storm:HandshakeRate must be between 0 and {MaxHandshakeRate}, got {HandshakeRate}";
    }
}
