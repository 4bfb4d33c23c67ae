using LiveRoom.Options;
using LiveRoom.Rooms;

namespace LiveRoom.Incidents.GrayRelease;

/// <summary>
/// <c>GET /api/rooms/{id}/join</c>: a join ticket for the room, answered by the build this instance is. With build B's
/// regression on, the first request is redirected (307) to <c>?confirm=1</c> and only that second request is answered:
/// one extra round trip per join.
/// </summary>
internal static class JoinEndpoint
{
    public static void MapJoin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/build", (LiveRoomOptions options) =>
            Results.Json(new BuildInfo(options.GrayRelease.Build.ToString(), options.Version))
        );
        app.MapGet("/api/rooms/{id}/join", (string id, string? confirm, LiveRoomOptions options) =>
        {
            if (!RoomId.IsValid(id))
                return Results.NotFound();
            var gray = options.GrayRelease;
            if (gray.ExtraJoinRoundTrip && confirm != "1")
                return Results.Redirect($"/api/rooms/{id}/join?confirm=1", permanent: false, preserveMethod: true);
            return Results.Json(new JoinTicket(id, gray.Build.ToString(), Steps: gray.ExtraJoinRoundTrip ? 2 : 1));
        });
    }

    internal sealed record BuildInfo(string Build, string Version);

    /// <summary><paramref name="Steps"/>: the requests this join took (2 with build B's regression).</summary>
    internal sealed record JoinTicket(string Room, string Build, int Steps);
}
