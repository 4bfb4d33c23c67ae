using System.Net.WebSockets;
using LiveRoom.Rooms;

namespace LiveRoom.Endpoints;

/// <summary>
/// Pumps one member's queue to its socket and watches the socket for the client's close. Every close,
/// whoever starts it, goes through the send loop, because a WebSocket allows only one send at a time.
/// </summary>
internal static class RoomConnection
{
    public static Task RunAsync(WebSocket socket, Room room, RoomMember member, CancellationToken requestAborted) =>
        RunAsync(socket, room, member, requestAborted, ReceiveAsync);

    /// <summary>Joins, sends the member's queue until it ends, and runs <paramref name="receive"/> alongside.</summary>
    public static async Task RunAsync(
        WebSocket socket,
        Room room,
        RoomMember member,
        CancellationToken requestAborted,
        Func<WebSocket, RoomMember, Task> receive
    )
    {
        using var abortOnDisconnect = requestAborted.Register(member.Abort);
        room.Join(member);
        try
        {
            var receiving = receive(socket, member);
            await SendAsync(socket, member).ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }
        finally
        {
            member.Close(WebSocketCloseStatus.NormalClosure, "");
            room.Leave(member);
            member.Dispose();
        }
    }

    private static async Task SendAsync(WebSocket socket, RoomMember member)
    {
        try
        {
            await foreach (var frame in member.Frames.ReadAllAsync(member.Aborted).ConfigureAwait(false))
            {
                if (member.IsClosed)
                    break; // frames still queued behind a close are not worth sending
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, member.Aborted).ConfigureAwait(false);
            }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(member.CloseStatus, member.CloseDescription, member.Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            socket.Abort();
        }
    }

    private static async Task ReceiveAsync(WebSocket socket, RoomMember member)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, member.Aborted).ConfigureAwait(false);
                if (result.MessageType != WebSocketMessageType.Close)
                    continue; // clients only listen, for now
                member.Close(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription ?? "");
                return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            member.Abort();
        }
    }
}
