using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// Reads each text message as JSON with a sequence number and, optionally, a send timestamp (Unix epoch
/// milliseconds, fractions allowed). Fields are dotted paths: <c>seq</c>, <c>data.seq</c>, <c>items.0.seq</c>.
/// </summary>
public sealed record WebSocketStreamCheck
{
    /// <summary>Defaults to "seq".</summary>
    public string SequenceField { get; init; } = "seq";

    /// <summary>Defaults to "ts"; null to skip ws_frame_delay and ws_frame_jitter.</summary>
    public string? TimestampField { get; init; } = "ts";

    /// <summary>
    /// How often each client samples ws_staleness (time since its last stream message), so a stream that
    /// stops entirely still shows. Defaults to 1 s; null to skip.
    /// </summary>
    public TimeSpan? StalenessInterval { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate(OptionErrors errors)
    {
        errors.Require(JsonPath.IsValid(SequenceField), $"Stream.SequenceField '{SequenceField}' is not a dotted path");
        errors.Require(
            TimestampField is null || JsonPath.IsValid(TimestampField),
            $"Stream.TimestampField '{TimestampField}' is not a dotted path"
        );
        errors.Require(StalenessInterval is not { } s || s > TimeSpan.Zero, "Stream.StalenessInterval must be positive");
    }
}
