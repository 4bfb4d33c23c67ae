using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>How a session ended on its own: the <c>cause</c> tag (a close code, "reset", "timeout"), error class and message.</summary>
internal sealed record SessionEnd(string Cause, string Class, string Message);

/// <summary>
/// One open connection: receives and checks messages, sends echo payloads, and ends with the reason it ended
/// (a close code, "reset", "timeout"), or null when the probe itself was stopped.
/// </summary>
internal sealed partial class WebSocketSession(
    ClientWebSocket socket, WebSocketProbeOptions options, SampleWriter samples, EchoTracker? echo,
    WebSocketClientTally? tally = null, WebSocketProbeReport? report = null)
{
    private readonly StreamFieldReader? _fields = options.Stream is null ? null : new StreamFieldReader(options.Stream);
    private readonly SequenceTracker _sequence = new();
    private readonly FieldMetricReader? _metricFields = options.MetricFields is { Count: > 0 } m ? new FieldMetricReader(m) : null;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>Runs until the connection ends or <paramref name="cancellationToken"/> fires; never throws for network faults.</summary>
    public async Task<SessionEnd?> RunAsync(CancellationToken cancellationToken)
    {
        // Receives and sends are cut only by this token, so that on cancellation our close frame can still go
        // out and be answered; it is armed below so that a stalled peer cannot hold the session open.
        using var abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, samples.Time);
        // A receive timeout is a second way to cut receives: re-armed after every frame, it fires only on silence.
        using var idle = options.ReceiveTimeout is { } t ? new CancellationTokenSource(t, samples.Time) : null;
        using var receiveCut = idle is null ? null : CancellationTokenSource.CreateLinkedTokenSource(abort.Token, idle.Token);
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _lastStreamArrival = samples.Time.GetTimestamp();
        var receiving = ReceiveLoopAsync(receiveCut?.Token ?? abort.Token, idle);
        var sending = echo is null ? Task.CompletedTask : EchoLoopAsync(echo, stopSending.Token, abort.Token);
        var staleness = options.Stream?.StalenessInterval is { } every ? StalenessLoopAsync(every, stopSending.Token) : Task.CompletedTask;

        await Task.WhenAny(receiving, stopSending.Token.WhenCancelledAsync()).ConfigureAwait(false);
        var stoppedByUs = cancellationToken.IsCancellationRequested;
        abort.CancelAfter(WebSocketProbeDefaults.CloseTimeout * (stoppedByUs ? 2 : 1));
        await stopSending.CancelAsync().ConfigureAwait(false);
        await sending.ConfigureAwait(false);
        await staleness.ConfigureAwait(false);
        if (stoppedByUs || socket.State == WebSocketState.CloseReceived)
            await CloseOutputQuietlyAsync(abort.Token).ConfigureAwait(false);

        var cause = await receiving.ConfigureAwait(false);
        var lost = _sequence.Flush();
        if (lost > 0)
        {
            samples.Add(MetricNames.WsMsgsLost, lost, samples.TagsNow());
            tally?.Lost(lost);
        }
        _sendLock.Dispose();
        return stoppedByUs ? null : cause;
    }

    private async Task<SessionEnd> ReceiveLoopAsync(CancellationToken abort, CancellationTokenSource? idle)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>();
        var oversized = false;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), abort).ConfigureAwait(false);
                if (options.ReceiveTimeout is { } timeout) idle?.CancelAfter(timeout);
                if (result.MessageType == WebSocketMessageType.Close) return Closed();
                if (message.WrittenCount + result.Count <= WebSocketProbeDefaults.MaxParsedMessageBytes)
                    message.Write(buffer.AsSpan(0, result.Count));
                else
                    oversized = true;
                if (!result.EndOfMessage) continue;
                OnMessage(oversized ? default : message.WrittenSpan, result.MessageType);
                message.ResetWrittenCount();
                oversized = false;
            }
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            var errorClass = FailureReason.Classify(ex);
            if (!abort.IsCancellationRequested) return new(errorClass, errorClass, FailureReason.Describe(ex));
            var silence = options.ReceiveTimeout is { } t && idle?.IsCancellationRequested == true
                ? $"no frame within {FailureReason.Seconds(t)}" : "the connection did not close in time";
            return new(FailureReason.Timeout, FailureReason.Timeout, silence);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private SessionEnd Closed()
    {
        var code = (int?)socket.CloseStatus ?? 1005; // 1005: no status given
        var description = socket.CloseStatusDescription;
        var message = $"closed {code.ToString(CultureInfo.InvariantCulture)}";
        if (!string.IsNullOrWhiteSpace(description)) message += $" '{description}'";
        return new(code.ToString(CultureInfo.InvariantCulture), FailureReason.Closed(code), message);
    }

    private async Task CloseOutputQuietlyAsync(CancellationToken abort)
    {
        try
        {
            await _sendLock.WaitAsync(abort).ConfigureAwait(false);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "probe stopped", abort).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            // The connection is already gone; the receive loop reports how.
        }
    }
}
