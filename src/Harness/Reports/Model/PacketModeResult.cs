namespace Harness.Reports.Model;

/// <summary>
/// Packet mode's link: where the server namespace was and, per phase and direction, what was configured
/// and what the forwarder achieved (counted over the phase's packets).
/// </summary>
public sealed record PacketModeResult(string Namespace, string HostAddress, string ServiceAddress, IReadOnlyList<PacketPhaseResult> Phases)
{
    /// <summary>
    /// The client namespace's own link when a browser participant ran there (its namespace, the client's address, the server
    /// side's, and the same per-phase figures); null otherwise.
    /// </summary>
    public PacketModeResult? Client { get; init; }

    /// <summary>The proxy whose link this is (the scenario's name); null for the client namespace's link.</summary>
    public string? Proxy { get; init; }

    /// <summary>
    /// Every link into the server namespace, one per packet-mode proxy in the scenario's order, each with its own addresses and
    /// figures; the first is also the top level's (so readers of one-link runs keep working). Null inside a link.
    /// </summary>
    public IReadOnlyList<PacketModeResult>? Links { get; init; }
}

/// <summary>One phase of the link: upstream = towards the service, downstream = back.</summary>
public sealed record PacketPhaseResult(string Phase, PacketDirectionResult Upstream, PacketDirectionResult Downstream);

public sealed record PacketDirectionResult(PacketConfigured Configured, PacketAchieved Achieved);

/// <summary>The impairment in force at the end of the phase (a ramp's last value).</summary>
public sealed record PacketConfigured(
    double DelayMs,
    double JitterMs,
    bool Reorder,
    double LossPercent,
    string? Bursts,
    double DuplicatePercent,
    double CorruptPercent,
    long? RateBytesPerSecond,
    int QueueLimit,
    int? Mtu,
    bool Down
);

/// <summary>What the packets of the phase met: counts, the loss share, and the mean time a forwarded packet was held.</summary>
public sealed record PacketAchieved(
    long Packets,
    long Bytes,
    long Dropped,
    long DroppedQueue,
    long DroppedMtu,
    long Duplicated,
    long Corrupted,
    long Reordered,
    long Delayed,
    double LossPercent,
    double MeanAddedDelayMs,
    int MaxQueueDepth
)
{
    /// <summary>RST segments the link forged into this direction to reset connections (<c>reset_connections</c> events).</summary>
    public long ResetsForged { get; init; }
}
