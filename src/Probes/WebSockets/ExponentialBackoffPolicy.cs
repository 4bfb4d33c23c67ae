namespace Harness.Probes.WebSockets;

/// <summary>
/// Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): attempt n waits
/// a uniform random time in [0, min(cap, base·multiplier^(n-1))]. Full jitter spreads a crowd that dropped at the
/// same instant over the whole window, which is what prevents the reconnect storm of incident 4; the cap keeps
/// a long outage from pushing clients minutes away from recovery.
/// </summary>
/// <remarks>
/// Polly.Core's retry strategy was considered: its jittered exponential backoff is a decorrelated-jitter variant,
/// not full jitter, and its delay computation is internal to a running pipeline, so it cannot serve as a pure,
/// per-client, seeded delay function. This class is that function; the reconnect loop stays ours.
/// Not thread-safe: one instance per client.
/// </remarks>
internal sealed class ExponentialBackoffPolicy(TimeSpan baseDelay, TimeSpan cap, double multiplier, Random random) : IReconnectPolicy
{
    public TimeSpan? NextDelay(int attempt)
    {
        var ceiling = Ceiling(attempt);
        return TimeSpan.FromTicks((long)(random.NextDouble() * ceiling.Ticks));
    }

    /// <summary>The upper bound of attempt <paramref name="attempt"/>'s delay, before jitter.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        // Computed in doubles and capped before converting, so large attempts cannot overflow.
        var ticks = baseDelay.Ticks * Math.Pow(multiplier, Math.Max(0, attempt - 1));
        return ticks >= cap.Ticks || !double.IsFinite(ticks) ? cap : TimeSpan.FromTicks((long)ticks);
    }
}
