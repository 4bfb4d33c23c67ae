using LiveRoom.Options;

namespace LiveRoom.Incidents.Storm;

/// <summary>
/// Serializes room handshakes at <see cref="StormOptions.HandshakeRate"/> per second: each arrival reserves the next
/// free slot of the schedule (first come, first served) and waits until its slot has passed. The schedule is kept
/// on the clock, not as a chain of delays, so a slow timer cannot lower the capacity. Thread-safe.
/// </summary>
internal sealed class HandshakeGate(int perSecond, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly long _slotTicks = time.TimestampFrequency / perSecond;
    private long _nextFree = long.MinValue;

    /// <summary>How long the handshake arriving now waits, including its own work.</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _nextFree = Math.Max(_nextFree, now) + _slotTicks;
            return time.GetElapsedTime(now, _nextFree);
        }
    }
}

/// <summary>Puts the handshake gate in front of <c>/ws/room/*</c> upgrades when a handshake rate is set.</summary>
internal static class HandshakeGateMiddleware
{
    public static void UseHandshakeGate(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<LiveRoomOptions>().Storm;
        if (options.HandshakeRate == 0)
            return;
        var time = app.Services.GetRequiredService<TimeProvider>();
        var gate = new HandshakeGate(options.HandshakeRate, time);
        app.Use(
            async (context, next) =>
            {
                if (context.WebSockets.IsWebSocketRequest && context.Request.Path.StartsWithSegments("/ws/room", StringComparison.Ordinal))
                {
                    // Not cancelled when the client leaves: the work is done, and wasted, anyway.
                    await Task.Delay(gate.Reserve(), time, CancellationToken.None).ConfigureAwait(false);
                    if (context.RequestAborted.IsCancellationRequested)
                        return;
                }
                await next(context).ConfigureAwait(false);
            }
        );
    }
}
