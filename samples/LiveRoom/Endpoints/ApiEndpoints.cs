using LiveRoom.Options;
using LiveRoom.Rooms;

namespace LiveRoom.Endpoints;

/// <summary>Small JSON endpoints for probes and people: health, version, room state.</summary>
internal static class ApiEndpoints
{
    public static void MapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/version", (LiveRoomOptions options) => Results.Json(new VersionInfo(options.Version, options.Region)));
        app.MapGet(
            "/api/rooms/{id}",
            async (string id, RoomRegistry rooms, LiveRoomOptions options, TimeProvider time, CancellationToken aborted) =>
            {
                if (options.ApiDelayMs > 0)
                    await Task.Delay(TimeSpan.FromMilliseconds(options.ApiDelayMs), time, aborted).ConfigureAwait(false);
                if (!RoomId.IsValid(id))
                    return Results.NotFound();
                var room = rooms.Find(id);
                return Results.Json(new RoomInfo(id, room?.MemberCount ?? 0, options.FrameRate, room?.LastSeq ?? 0));
            }
        );
    }

    internal sealed record VersionInfo(string Version, string Region);

    /// <summary><paramref name="LastSeq"/> is 0 until the room has sent its first frame (frames start at 1).</summary>
    internal sealed record RoomInfo(string Id, int Members, int FrameRate, long LastSeq);
}
