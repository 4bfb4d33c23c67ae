using System.Net.WebSockets;

namespace LiveRoom.Endpoints;

/// <summary>
/// One echo connection. Sends (echoes and a shutdown close) share a lock because a WebSocket allows one send at
/// a time; a close that the peer does not answer within the grace period aborts the socket.
/// </summary>
internal sealed class EchoSession(WebSocket socket, CancellationTokenSource abort, TimeSpan closeGrace, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _graceTimer = new(Timeout.InfiniteTimeSpan, time);

    public async Task RunAsync()
    {
        using var graceExpired = _graceTimer.Token.Register(abort.Cancel);
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, abort.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await SendAsync(() =>
                            socket.CloseOutputAsync(
                                result.CloseStatus ?? WebSocketCloseStatus.NormalClosure,
                                result.CloseStatusDescription,
                                abort.Token
                            )
                        )
                        .ConfigureAwait(false);
                    return;
                }
                await SendAsync(() =>
                        socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, abort.Token).AsTask()
                    )
                    .ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            socket.Abort();
        }
    }

    public void CloseForShutdown()
    {
        _graceTimer.CancelAfter(closeGrace);
        _ = CloseQuietlyAsync();
    }

    public void Dispose()
    {
        _sendLock.Dispose();
        _graceTimer.Dispose();
    }

    private async Task CloseQuietlyAsync()
    {
        try
        {
            await SendAsync(() => socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "server shutting down", abort.Token))
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The receive loop sees the same failure and ends the session.
        }
    }

    // Sends only while our side is still open, so an echo never follows our close frame.
    private async Task SendAsync(Func<Task> send)
    {
        await _sendLock.WaitAsync(abort.Token).ConfigureAwait(false);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await send().ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
