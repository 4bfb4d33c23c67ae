using System.Net.WebSockets;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// The socket Websocket.Client reads from: our <see cref="ClientWebSocket"/>, with the bytes of the message being received
/// counted. Websocket.Client assembles a whole message in memory before it hands it over, so a peer that sends a huge
/// message, or frames without end, would make it allocate without bound. The receive whose bytes take the current
/// message past <c>limit</c> is not handed over: the connection is closed with 1009 (message too big) and the receive
/// fails with <see cref="MessageTooBigException"/>, which ends the session.
/// </summary>
internal sealed class SizeLimitedWebSocket(ClientWebSocket inner, int limit, TimeProvider time) : WebSocket
{
    private long _messageBytes;

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    public override WebSocketState State => inner.State;

    public override string? SubProtocol => inner.SubProtocol;

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        await CountAsync(result.MessageType, result.Count, result.EndOfMessage).ConfigureAwait(false);
        return result;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        await CountAsync(result.MessageType, result.Count, result.EndOfMessage).ConfigureAwait(false);
        return result;
    }

    private async Task CountAsync(WebSocketMessageType type, int count, bool endOfMessage)
    {
        if (type == WebSocketMessageType.Close)
            return;
        _messageBytes += count;
        if (_messageBytes > limit)
        {
            await CloseTooBigAsync().ConfigureAwait(false);
            throw new MessageTooBigException(limit);
        }
        if (endOfMessage)
            _messageBytes = 0;
    }

    // A peer flooding us may not read our close frame; cancelling the close after the deadline aborts the socket.
    private async Task CloseTooBigAsync()
    {
        using var deadline = new CancellationTokenSource(WebSocketProbeDefaults.CloseTimeout, time);
        try
        {
            await inner.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too big", deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            // The connection is gone already; the session still ends as "too big".
        }
    }

    public override Task SendAsync(
        ArraySegment<byte> buffer,
        WebSocketMessageType messageType,
        bool endOfMessage,
        CancellationToken cancellationToken
    ) => inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(
        ReadOnlyMemory<byte> buffer,
        WebSocketMessageType messageType,
        bool endOfMessage,
        CancellationToken cancellationToken
    ) => inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(
        ReadOnlyMemory<byte> buffer,
        WebSocketMessageType messageType,
        WebSocketMessageFlags messageFlags,
        CancellationToken cancellationToken
    ) => inner.SendAsync(buffer, messageType, messageFlags, cancellationToken);

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(
        WebSocketCloseStatus closeStatus,
        string? statusDescription,
        CancellationToken cancellationToken
    ) => inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Abort() => inner.Abort();

    public override void Dispose() => inner.Dispose();
}
