using LiveRoom.Options;
using LiveRoom.Rooms;

namespace LiveRoom.Incidents.Echo;

/// <summary>
/// <c>/audio/{id}?client_version=V</c>: the audio room page a client of version V runs; <c>/ws/audio/{id}</c>: its
/// socket, which streams the room's sequence-numbered frames and answers <c>{"type":"resend","seq":N,"ts":T}</c>
/// with a second copy of frame N marked <c>"resent":true</c>.
/// </summary>
internal static class AudioRoomEndpoints
{
    public static void MapAudioRoom(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audio/{id}", (string id, string? client_version, LiveRoomOptions options) =>
            RoomId.IsValid(id)
                ? Results.Content(AudioRoomPage.Render(id, client_version, options), "text/html; charset=utf-8")
                : Results.NotFound()
        );
        app.Map("/ws/audio/{id}", async (HttpContext context, string id, RoomRegistry rooms, LiveRoomOptions options) =>
        {
            if (!RoomId.IsValid(id))
                return Results.NotFound();
            if (!context.WebSockets.IsWebSocketRequest)
                return Results.BadRequest("WebSocket upgrade expected");
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var resender = new FrameResender(id, FrameEncoder.Create(options.FramePayloadBytes));
            await AudioConnection
                .RunAsync(socket, rooms.GetOrCreate(id), rooms.CreateMember(), resender, context.RequestAborted)
                .ConfigureAwait(false);
            return Results.Empty;
        });
    }
}
