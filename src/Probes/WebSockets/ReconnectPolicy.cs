using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// Decides whether and when a client reconnects. Kept small and separate so policies can be replaced without
/// touching the session code. One instance per client: policies with jitter own a seeded <see cref="Random"/>.
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

/// <summary>The same delay every time; <see cref="TimeSpan.Zero"/> is immediate reconnect.</summary>
internal sealed class FixedDelayReconnectPolicy(TimeSpan delay) : IReconnectPolicy
{
    public TimeSpan? NextDelay(int attempt) => delay;
}

/// <summary>Gives up after <paramref name="maxAttempts"/> consecutive attempts; otherwise asks <paramref name="inner"/>.</summary>
internal sealed class LimitedReconnectPolicy(IReconnectPolicy inner, int maxAttempts) : IReconnectPolicy
{
    public TimeSpan? NextDelay(int attempt) => attempt > maxAttempts ? null : inner.NextDelay(attempt);
}

internal static class ReconnectPolicy
{
    /// <summary>The policy of client <paramref name="client"/>, its jitter seeded from the options' seed and the client's index.</summary>
    public static IReconnectPolicy For(WebSocketProbeOptions options, int client)
    {
        if (options.Reconnect is not { } r)
            return options.ReconnectDelay is { } delay ? new FixedDelayReconnectPolicy(delay) : NoReconnectPolicy.Instance;
        IReconnectPolicy policy = r.Kind switch
        {
            WebSocketReconnectKind.Immediate => new FixedDelayReconnectPolicy(TimeSpan.Zero),
            WebSocketReconnectKind.Fixed => new FixedDelayReconnectPolicy(r.Delay),
            WebSocketReconnectKind.Exponential => new ExponentialBackoffPolicy(
                r.Delay,
                r.MaxDelay,
                r.Multiplier,
                Seeds.Random(options.Seed, Seeds.Reconnect, client)
            ),
            _ => NoReconnectPolicy.Instance,
        };
        return r.MaxAttempts is { } max && policy is not NoReconnectPolicy ? new LimitedReconnectPolicy(policy, max) : policy;
    }
}
