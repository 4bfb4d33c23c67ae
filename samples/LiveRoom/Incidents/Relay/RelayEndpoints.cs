using LiveRoom.Rooms;

namespace LiveRoom.Incidents.Relay;

/// <summary><c>GET /relay/rooms/{id}/frames?after=N</c>: a hosted room's frames after seq N, for another region's instance.</summary>
internal static class RelayEndpoints
{
    public static void MapRelay(this IEndpointRouteBuilder app) =>
        app.MapGet("/relay/rooms/{id}/frames", (string id, long? after, RoomRegistry rooms, RelayRooms relay) =>
        {
            if (!RoomId.IsValid(id))
                return Results.NotFound();
            var room = rooms.GetOrCreate(id);
            if (room.Feed is not null)
                return Results.Conflict($"room {id} is not hosted here");
            var feed = relay.FeedOf(room, rooms.CreateMember);
            return Results.Bytes(feed.After(after ?? 0), "application/json");
        });
}
