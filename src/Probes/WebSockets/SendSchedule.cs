namespace Harness.Probes.WebSockets;

/// <summary>
/// When each periodic send of a client was due (start + n × interval) and how late it actually started: the
/// ws_send_lag sample. A sender stuck behind a busy machine gets its timer ticks coalesced, so it falls further
/// behind the schedule and the lag grows; that is what it reports, rather than the next tick's punctuality.
/// </summary>
internal sealed class SendSchedule(TimeProvider time, TimeSpan interval)
{
    private readonly long _start = time.GetTimestamp();
    private long _sends;

    /// <summary>The lag, in ms, of the send starting now; counts it as sent.</summary>
    public double NextLagMs()
    {
        var due = interval * _sends++;
        return Math.Max(0, (time.GetElapsedTime(_start) - due).TotalMilliseconds);
    }
}
