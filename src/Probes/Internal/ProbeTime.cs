namespace Harness.Probes.Internal;

/// <summary>Clock helpers that keep full double-precision milliseconds and treat cancellation as a normal end.</summary>
internal static class ProbeTime
{
    public static double ElapsedMs(this TimeProvider time, long startTimestamp) => time.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public static double UnixMs(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond;

    /// <summary>Waits; returns false (without throwing) when cancelled first.</summary>
    public static async Task<bool> DelayAsync(this TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !cancellationToken.IsCancellationRequested;
    }

    /// <summary>Waits for the next tick; returns false (without throwing) when cancelled or the timer is disposed.</summary>
    public static async Task<bool> NextTickAsync(this PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Completes when the token fires; never throws.</summary>
    public static Task WhenCancelledAsync(this CancellationToken cancellationToken) =>
        Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
}
