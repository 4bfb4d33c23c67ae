using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>How a client waits before reconnecting.</summary>
public enum WebSocketReconnectKind
{
    /// <summary>Never reconnect.</summary>
    None,

    /// <summary>Reconnect at once, every time (the reconnect storm of incident 4).</summary>
    Immediate,

    /// <summary>Wait <see cref="WebSocketReconnectOptions.Delay"/> every time.</summary>
    Fixed,

    /// <summary>
    /// Exponential backoff with full jitter: attempt n waits a uniform random time in
    /// [0, min(MaxDelay, Delay·Multiplier^(n-1))].
    /// </summary>
    Exponential,
}

/// <summary>A client's reconnect policy. Attempts count consecutive failures; a successful handshake resets them.</summary>
public sealed record WebSocketReconnectOptions
{
    /// <summary>Defaults to <see cref="WebSocketReconnectKind.Exponential"/>.</summary>
    public WebSocketReconnectKind Kind { get; init; } = WebSocketReconnectKind.Exponential;

    /// <summary>The fixed delay, or the exponential base. Defaults to 1 s.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any one exponential delay. Defaults to 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Growth per attempt. Defaults to 2.</summary>
    public double Multiplier { get; init; } = 2;

    /// <summary>Consecutive failed attempts after which a client gives up; null (the default) never gives up.</summary>
    public int? MaxAttempts { get; init; }

    internal void Validate(OptionErrors errors)
    {
        errors.Require(Enum.IsDefined(Kind), $"Reconnect.Kind {Kind} is unknown");
        errors.Require(Delay >= TimeSpan.Zero, "Reconnect.Delay must not be negative");
        errors.Require(MaxDelay >= Delay, "Reconnect.MaxDelay must be at least Reconnect.Delay");
        errors.Require(Multiplier >= 1 && double.IsFinite(Multiplier), "Reconnect.Multiplier must be at least 1");
        errors.Require(MaxAttempts is not { } m || m >= 1, "Reconnect.MaxAttempts must be at least 1");
    }
}
