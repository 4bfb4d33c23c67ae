using LiveRoom.Rooms;

namespace LiveRoom.Endpoints;

/// <summary><c>/ws/room/{id}</c>: joins the room and streams its frames until either side closes.</summary>
internal static class RoomSocketEndpoint
{
    public static void MapRoomSocket(this IEndpointRouteBuilder app) =>
        app.Map("/ws/room/{id}", async (HttpContext context, string id, RoomRegistry rooms) =>
        {
            if (!RoomId.IsValid(id))
                return Results.NotFound();
            if (!context.WebSockets.IsWebSocketRequest)
                return Results.BadRequest("WebSocket upgrade expected");

            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await RoomConnection
                .RunAsync(socket, rooms.GetOrCreate(id), rooms.CreateMember(), context.RequestAborted)
                .ConfigureAwait(false);
            return Results.Empty;
        });
}
