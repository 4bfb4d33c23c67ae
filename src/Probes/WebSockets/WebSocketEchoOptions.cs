using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// Sends a unique text payload periodically and measures the time until its reply comes back: the same payload
/// (an echo server), or, with <see cref="CorrelationField"/>, any JSON message carrying the same id at that path.
/// </summary>
public sealed record WebSocketEchoOptions
{
    /// <summary>Time between sends. Defaults to 1 s. Ignored when <see cref="Rate"/> is set.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages per second per client; overrides <see cref="Interval"/>. Defaults to null.</summary>
    public double? Rate { get; init; }

    /// <summary>
    /// Payload size for echo payloads; a payload is never shorter than its unique prefix (about 20 bytes). Defaults to 32.
    /// </summary>
    public int PayloadBytes { get; init; } = 32;

    /// <summary>
    /// A dotted JSON path (<c>id</c>, <c>meta.requestId</c>). When set, each request is <see cref="Template"/> with a
    /// unique id written at this path, and a reply is any message with that id at the same path. Defaults to null (echo by content).
    /// </summary>
    public string? CorrelationField { get; init; }

    /// <summary>The JSON object sent as a request when <see cref="CorrelationField"/> is set. Defaults to <c>{}</c>.</summary>
    public string Template { get; init; } = "{}";

    /// <summary>The time between sends that <see cref="Rate"/> or <see cref="Interval"/> imply.</summary>
    public TimeSpan SendInterval => Rate is { } rate ? TimeSpan.FromSeconds(1 / rate) : Interval;

    internal void Validate(OptionErrors errors)
    {
        errors.Require(Interval > TimeSpan.Zero, "Echo.Interval must be positive");
        errors.Require(Rate is not { } r || (r > 0 && r <= 10_000), "Echo.Rate must be in (0, 10000] messages/s");
        errors.Require(PayloadBytes >= 1, "Echo.PayloadBytes must be at least 1");
        errors.Require(
            CorrelationField is null || JsonPath.IsValid(CorrelationField),
            $"Echo.CorrelationField '{CorrelationField}' is not a dotted path"
        );
        errors.Require(CorrelationField is null || CorrelatedPayload.IsObject(Template), "Echo.Template must be a JSON object");
    }
}
