using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;
using Websocket.Client;

namespace Harness.Probes.WebSockets;

/// <summary>The received-message and echo-sending facets of a session.</summary>
internal sealed partial class WebSocketSession
{
    /// <summary>A message from Websocket.Client's receive loop (text arrives decoded, binary as bytes).</summary>
    private void OnResponse(ResponseMessage response)
    {
        lock (_receiveGate)
        {
            if (!_receiving)
                return;
            if (_options.ReceiveTimeout is { } timeout)
                _idle?.CancelAfter(timeout);
            if (response.MessageType != WebSocketMessageType.Text)
            {
                var bytes = response.Binary ?? [];
                OnMessage(bytes.Length <= WebSocketProbeDefaults.MaxParsedMessageBytes ? bytes : default, response.MessageType);
                return;
            }
            OnText(response.Text ?? "");
        }
    }

    private void OnText(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        if (length > WebSocketProbeDefaults.MaxParsedMessageBytes)
        {
            OnMessage(default, WebSocketMessageType.Text);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            OnMessage(buffer.AsSpan(0, written), WebSocketMessageType.Text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnMessage(ReadOnlySpan<byte> message, WebSocketMessageType type)
    {
        var time = _samples.Time;
        var tags = _samples.TagsNow(); // the phase when the message arrived
        _samples.Add(MetricNames.WsMsgsReceived, 1, tags);
        _tally?.Received();
        if (type != WebSocketMessageType.Text || message.IsEmpty)
            return;

        if (_echo is not null && _echo.TryComplete(message, out var sentAt, out var sentTags))
        {
            _samples.Add(MetricNames.WsRtt, time.ElapsedMs(sentAt), sentTags); // a round trip belongs to the phase it started in
            return;
        }
        _metricFields?.Record(message, _samples, tags);
        if (_fields is null)
            return;
        if (!_fields.TryRead(message, out var seq, out var sentAtMs))
        {
            _report?.Unread(message);
            return;
        }

        if (sentAtMs is { } ts)
            _samples.Add(MetricNames.WsFrameDelay, ProbeTime.UnixMs(time.GetUtcNow()) - ts, tags);
        OnStreamArrival(sentAtMs, tags);
        var observed = _sequence.Observe(seq);
        if (observed.Lost > 0)
        {
            _samples.Add(MetricNames.WsMsgsLost, observed.Lost, tags);
            _tally?.Lost(observed.Lost);
        }
        if (observed.Duplicated)
        {
            _samples.Add(MetricNames.WsMsgsDuplicated, 1, tags);
            _tally?.Duplicated();
        }
        if (observed.Reordered)
        {
            _samples.Add(MetricNames.WsMsgsReordered, 1, tags);
            _tally?.Reordered();
        }
    }

    private async Task EchoLoopAsync(EchoTracker tracker, CancellationToken stop, CancellationToken abort)
    {
        var interval = _options.Echo!.SendInterval;
        using var timer = new PeriodicTimer(interval, _samples.Time);
        var schedule = new SendSchedule(_samples.Time, interval);
        try
        {
            do
            {
                await _sendLock.WaitAsync(stop).ConfigureAwait(false);
                try
                {
                    var tags = _samples.TagsNow();
                    var payload = tracker.Next(_samples.Time.GetTimestamp(), tags);
                    var lag = schedule.NextLagMs();
                    // Only abort cancels a send: cancelling a WebSocket send tears the connection down.
                    await _socket.SendAsync(payload, WebSocketMessageType.Text, true, abort).ConfigureAwait(false);
                    _samples.Add(MetricNames.WsMsgsSent, 1, tags);
                    _samples.Add(MetricNames.WsSendLag, lag, tags);
                }
                finally
                {
                    _sendLock.Release();
                }
            } while (await timer.NextTickAsync(stop).ConfigureAwait(false));
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            // Stopped, or the connection failed; the receive loop reports the failure.
        }
    }
}
