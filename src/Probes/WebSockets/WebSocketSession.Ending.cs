using System.Globalization;
using System.Net.WebSockets;
using Harness.Probes.Internal;
using Websocket.Client;

namespace Harness.Probes.WebSockets;

/// <summary>
/// How a session ends: Websocket.Client's disconnection report turned into the <c>cause</c>, error class and message,
/// the close handshake's answer, and aborting the socket when a receive timeout or a close deadline expires.
/// </summary>
internal sealed partial class WebSocketSession
{
    /// <summary>
    /// Websocket.Client answers a peer's close frame on its receive loop, just after it reported the close;
    /// disposing it before that answer is out would abort the connection instead. Waits for it, until the close timeout.
    /// It does not answer a close that arrives while it is still starting (before it counts itself running): then
    /// <see cref="_libraryAnswersClose"/> is false and we answer, as we do when we stop it.
    /// </summary>
    private async Task CloseReplyAsync(CancellationToken abort)
    {
        while (_socket.State == WebSocketState.CloseReceived && !abort.IsCancellationRequested)
        {
            if (!await _samples.Time.DelayAsync(TimeSpan.FromMilliseconds(1), abort).ConfigureAwait(false))
                return;
        }
    }

    private async Task CloseOutputQuietlyAsync(CancellationToken abort)
    {
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "probe stopped", abort).ConfigureAwait(false);
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            // The connection is already gone; how it ended has been reported.
        }
    }

    private void Abort(bool idle)
    {
        if (idle)
            _idleExpired = true;
        else
            _aborted = true;
        _socket.Abort();
    }

    private void OnDisconnection(DisconnectionInfo info)
    {
        // Error is a failed handshake (recorded by the handshake), ByUser our own stop, Exit the disposal.
        if (info.Type == DisconnectionType.ByServer)
        {
            // Raised on its receive loop, which goes on to answer the close only if it counts itself running.
            _libraryAnswersClose = _connection.IsRunning;
            _ended.TrySetResult(Closed(info.CloseStatus, info.CloseStatusDescription));
        }
        else if (info.Type == DisconnectionType.Lost)
            _ended.TrySetResult(Lost(info.Exception));
    }

    private static SessionEnd Closed(WebSocketCloseStatus? status, string? description)
    {
        var code = (int?)status ?? 1005; // 1005: no status given
        var message = $"closed {code.ToString(CultureInfo.InvariantCulture)}";
        if (!string.IsNullOrWhiteSpace(description))
            message += $" '{description}'";
        return new(code.ToString(CultureInfo.InvariantCulture), FailureReason.Closed(code), message);
    }

    private SessionEnd Lost(Exception? ex)
    {
        if (_idleExpired && _options.ReceiveTimeout is { } t)
            return new(FailureReason.Timeout, FailureReason.Timeout, $"no frame within {FailureReason.Seconds(t)}");
        if (_aborted)
            return new(FailureReason.Timeout, FailureReason.Timeout, "the connection did not close in time");
        if (ex is MessageTooBigException tooBig)
            return new("1009", FailureReason.TooBig, tooBig.Message); // we closed it with 1009 (message too big)
        ex ??= new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "the connection ended without a close frame");
        var errorClass = FailureReason.Classify(ex);
        return new(errorClass, errorClass, FailureReason.Describe(ex));
    }
}
