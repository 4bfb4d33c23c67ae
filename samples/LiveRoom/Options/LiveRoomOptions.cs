namespace LiveRoom.Options;

/// <summary>
/// Everything a LiveRoom instance can be told, bound from the "LiveRoom" configuration section
/// (<c>--LiveRoom:FrameRate=50</c> or <c>LiveRoom__FrameRate=50</c>). Add new settings as init properties
/// with a default and a rule in <see cref="LiveRoomOptionsValidator"/>.
/// </summary>
public sealed record LiveRoomOptions
{
    public const string SectionName = "LiveRoom";

    /// <summary>Frames per second streamed to every room. Defaults to 20.</summary>
    public int FrameRate { get; init; } = 20;

    /// <summary>Size of each frame's "audio" payload before base64 encoding. Defaults to 160 bytes.</summary>
    public int FramePayloadBytes { get; init; } = 160;

    /// <summary>Reported by <c>/version</c>. Defaults to "1.0.0".</summary>
    public string Version { get; init; } = "1.0.0";

    /// <summary>Reported by <c>/version</c>. Defaults to "local".</summary>
    public string Region { get; init; } = "local";

    /// <summary>
    /// Frames a member may have queued before it counts as too slow and is dropped. Defaults to 100
    /// (five seconds at the default frame rate).
    /// </summary>
    public int MemberQueueFrames { get; init; } = 100;

    /// <summary>
    /// Milliseconds <c>/api/rooms/{id}</c> waits before answering. Defaults to 0. A deliberately slower "version" of
    /// the server, so a baseline/candidate comparison (<c>harness run --baseline/--candidate</c>) has a real regression to find.
    /// </summary>
    public int ApiDelayMs { get; init; }

    /// <summary>How long a dropped or leaving member gets to finish the close handshake. Defaults to 5 s.</summary>
    public TimeSpan CloseGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Rooms homed in other regions and the relay that brings their frames here (incident 3's bug switch).</summary>
    public Incidents.Relay.RelayOptions Relay { get; init; } = new();

    /// <summary>Handshake cost and capacity of the room socket (the reconnect-storm incident). Defaults to unlimited.</summary>
    public Incidents.Storm.StormOptions Storm { get; init; } = new();

    /// <summary>The interval between frames that <see cref="FrameRate"/> implies.</summary>
    public TimeSpan FrameInterval => TimeSpan.FromTicks(TimeSpan.TicksPerSecond / FrameRate);

    /// <summary>Incident 5 (gray release): which build this instance is and whether build B's join regression is on.</summary>
    public LiveRoom.Incidents.GrayRelease.GrayReleaseOptions GrayRelease { get; init; } = new();

    /// <summary>The audio room of the echo incident and its bug switch (<c>LiveRoom:Echo:*</c>); off by default.</summary>
    public LiveRoom.Incidents.Echo.EchoBugOptions Echo { get; init; } = new();

    /// <summary>Scheduled events, their join pages and the join bug switch (<c>LiveRoom:Events:*</c>); off by default.</summary>
    public LiveRoom.Incidents.Events.EventBugOptions Events { get; init; } = new();
}
