namespace Harness.Scenarios.Model;

/// <summary>A probe as the scenario declares it; URLs are absolute and checked against allow_hosts.</summary>
public abstract record ProbeSpec(string Name, Uri Url);

/// <summary>Repeated HTTP requests expecting a status.</summary>
public sealed record HttpProbeSpec(string Name, Uri Url, string Method, TimeSpan Every, int ExpectStatus, TimeSpan Timeout) : ProbeSpec(Name, Url);

/// <summary>WebSocket clients that check a sequenced stream and/or measure echo round trips.</summary>
public sealed record WebSocketProbeSpec(
    string Name,
    Uri Url,
    int Clients,
    TimeSpan ConnectTimeout,
    TimeSpan? ReconnectDelay,
    WebSocketStreamSpec? Stream,
    WebSocketEchoSpec? Echo) : ProbeSpec(Name, Url);

/// <summary>JSON fields carrying each frame's sequence number and send time (Unix ms).</summary>
public sealed record WebSocketStreamSpec(string SequenceField, string? TimestampField);

/// <summary>Send a payload of <see cref="Size"/> bytes every <see cref="Every"/> and time its echo.</summary>
public sealed record WebSocketEchoSpec(TimeSpan Every, int Size);
