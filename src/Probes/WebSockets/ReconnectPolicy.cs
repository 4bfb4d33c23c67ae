namespace Harness.Probes.WebSockets;

/// <summary>
/// Decides whether and when a client reconnects. Kept small and separate so exponential or jittered policies
/// can replace it without touching the session code.
/// </summary>
internal interface IReconnectPolicy
{
    /// <summary>The delay before the next connection attempt, or null to stop reconnecting.</summary>
    /// <param name="attempt">1 for the first reconnect after a session, counting up while handshakes keep failing.</param>
    TimeSpan? NextDelay(int attempt);
}

internal sealed class NoReconnectPolicy : IReconnectPolicy
{
    public static readonly NoReconnectPolicy Instance = new();

    public TimeSpan? NextDelay(int attempt) => null;
}

internal sealed class FixedDelayReconnectPolicy(TimeSpan delay) : IReconnectPolicy
{
    public TimeSpan? NextDelay(int attempt) => delay;
}

internal static class ReconnectPolicy
{
    public static IReconnectPolicy From(WebSocketProbeOptions options) =>
        options.ReconnectDelay is { } delay ? new FixedDelayReconnectPolicy(delay) : NoReconnectPolicy.Instance;
}
