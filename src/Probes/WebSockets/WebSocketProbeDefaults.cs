namespace Harness.Probes.WebSockets;

/// <summary>Fixed limits of the WebSocket probe, named once.</summary>
internal static class WebSocketProbeDefaults
{
    /// <summary>How long our own close handshake may take before the socket is aborted.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Messages beyond this size are counted but not parsed.</summary>
    public const int MaxParsedMessageBytes = 1024 * 1024;

    /// <summary>Frames a gap may stay open for a late (reordered) frame before it counts as lost.</summary>
    public const int ReorderWindow = 64;

    /// <summary>Echo payloads awaiting their reply; older ones are forgotten (and never produce an RTT).</summary>
    public const int MaxPendingEchoes = 1024;

    /// <summary>Unreadable stream messages kept as examples for the report; the rest are only counted.</summary>
    public const int UnreadExamplesKept = 5;

    /// <summary>An unreadable message example is cut to this many characters.</summary>
    public const int UnreadExampleChars = 500;
}
