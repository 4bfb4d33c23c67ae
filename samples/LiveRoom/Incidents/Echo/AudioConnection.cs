using System.Net.WebSockets;
using LiveRoom.Rooms;

namespace LiveRoom.Incidents.Echo;

/// <summary>
/// One audio client: room frames and resent copies share the member's queue, so one loop sends everything;
/// the receive loop answers resend requests and watches for the client's close.
/// </summary>
internal static class AudioConnection
{
    private const int MaxRequestBytes = 1024;

    public static Task RunAsync(WebSocket socket, Room room, RoomMember member, FrameResender resender, CancellationToken requestAborted) =>
        Endpoints.RoomConnection.RunAsync(socket, room, member, requestAborted, (s, m) => ReceiveAsync(s, m, resender));

    private static async Task ReceiveAsync(WebSocket socket, RoomMember member, FrameResender resender)
    {
        var buffer = new byte[MaxRequestBytes];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, member.Aborted).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    member.Close(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription ?? "");
                    return;
                }
                // A request split over several messages or too long for the buffer is not a resend request.
                if (!result.EndOfMessage)
                {
                    await SkipRestAsync(socket, buffer, member).ConfigureAwait(false);
                    continue;
                }
                if (resender.Answer(buffer.AsSpan(0, result.Count)) is { } copy)
                    member.TryEnqueue(copy);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            member.Abort();
        }
    }

    private static async Task SkipRestAsync(WebSocket socket, byte[] buffer, RoomMember member)
    {
        WebSocketReceiveResult result;
        do result = await socket.ReceiveAsync(buffer, member.Aborted).ConfigureAwait(false);
        while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
    }
}
