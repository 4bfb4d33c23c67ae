using LiveRoom.Options;
using LiveRoom.Pages;
using LiveRoom.Rooms;

namespace LiveRoom.Endpoints;

/// <summary>HTML pages: the lobby and one page per room.</summary>
internal static class PageEndpoints
{
    public static void MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (LiveRoomOptions options) => Results.Content(LobbyPage.Render(options), "text/html; charset=utf-8"));
        app.MapGet("/room/{id}", (string id, LiveRoomOptions options) =>
            RoomId.IsValid(id) ? Results.Content(RoomPage.Render(id, options), "text/html; charset=utf-8") : Results.NotFound()
        );
    }
}
