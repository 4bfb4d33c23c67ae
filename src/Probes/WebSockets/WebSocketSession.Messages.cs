using System.Net.WebSockets;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>The received-message and echo-sending facets of a session.</summary>
internal sealed partial class WebSocketSession
{
    private void OnMessage(ReadOnlySpan<byte> message, WebSocketMessageType type)
    {
        var time = samples.Time;
        var tags = samples.TagsNow(); // the phase when the message arrived
        samples.Add(MetricNames.WsMsgsReceived, 1, tags);
        tally?.Received();
        if (type != WebSocketMessageType.Text || message.IsEmpty) return;

        if (echo is not null && echo.TryComplete(message, out var sentAt, out var sentTags))
        {
            samples.Add(MetricNames.WsRtt, time.ElapsedMs(sentAt), sentTags); // a round trip belongs to the phase it started in
            return;
        }
        _metricFields?.Record(message, samples, tags);
        if (_fields is null) return;
        if (!_fields.TryRead(message, out var seq, out var sentAtMs))
        {
            report?.Unread(message);
            return;
        }

        if (sentAtMs is { } ts) samples.Add(MetricNames.WsFrameDelay, ProbeTime.UnixMs(time.GetUtcNow()) - ts, tags);
        OnStreamArrival(sentAtMs, tags);
        var observed = _sequence.Observe(seq);
        if (observed.Lost > 0)
        {
            samples.Add(MetricNames.WsMsgsLost, observed.Lost, tags);
            tally?.Lost(observed.Lost);
        }
        if (observed.Duplicated)
        {
            samples.Add(MetricNames.WsMsgsDuplicated, 1, tags);
            tally?.Duplicated();
        }
        if (observed.Reordered)
        {
            samples.Add(MetricNames.WsMsgsReordered, 1, tags);
            tally?.Reordered();
        }
    }

    private async Task EchoLoopAsync(EchoTracker tracker, CancellationToken stop, CancellationToken abort)
    {
        var interval = options.Echo!.SendInterval;
        using var timer = new PeriodicTimer(interval, samples.Time);
        var schedule = new SendSchedule(samples.Time, interval);
        try
        {
            do
            {
                await _sendLock.WaitAsync(stop).ConfigureAwait(false);
                try
                {
                    var tags = samples.TagsNow();
                    var payload = tracker.Next(samples.Time.GetTimestamp(), tags);
                    var lag = schedule.NextLagMs();
                    // Only abort cancels a send: cancelling a WebSocket send tears the connection down.
                    await socket.SendAsync(payload, WebSocketMessageType.Text, true, abort).ConfigureAwait(false);
                    samples.Add(MetricNames.WsMsgsSent, 1, tags);
                    samples.Add(MetricNames.WsSendLag, lag, tags);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            while (await timer.NextTickAsync(stop).ConfigureAwait(false));
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            // Stopped, or the connection failed; the receive loop reports the failure.
        }
    }
}
