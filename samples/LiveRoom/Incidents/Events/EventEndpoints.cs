using LiveRoom.Options;

namespace LiveRoom.Incidents.Events;

/// <summary>
/// <c>GET /events/new?type=&amp;chat=&amp;recording=&amp;waiting_room=</c> schedules an event from a form;
/// <c>POST /api/events</c> (the same four query parameters) creates one and answers <c>{"id":"ev1","join":"/events/ev1/join"}</c>;
/// <c>GET /events/{id}/join</c> is the join link's page; <c>POST /api/events/{id}/join</c> joins (200) or fails (500 with <c>error</c>).
/// </summary>
internal static class EventEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/new", (string? type, string? chat, string? recording, string? waiting_room) =>
        {
            var (settings, error) = EventSettings.Parse(type, chat, recording, waiting_room);
            return settings is null
                ? Results.BadRequest(error)
                : Results.Content(EventPages.Schedule(settings), "text/html; charset=utf-8");
        });
        app.MapPost("/api/events", (string? type, string? chat, string? recording, string? waiting_room, EventStore events) =>
        {
            var (settings, error) = EventSettings.Parse(type, chat, recording, waiting_room);
            if (settings is null)
                return Results.BadRequest(new { error });
            var id = events.Add(settings);
            return id is null
                ? Results.Json(new { error = "too many events" }, statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Created(
                    $"/events/{id}/join",
                    new
                    {
                        id,
                        join = $"/events/{id}/join",
                        settings = settings.Describe(),
                    }
                );
        });
        app.MapGet("/events/{id}/join", (string id, EventStore events) =>
            events.Find(id) is { } settings
                ? Results.Content(EventPages.Join(id, settings), "text/html; charset=utf-8")
                : Results.NotFound()
        );
        app.MapPost("/api/events/{id}/join", (string id, EventStore events, LiveRoomOptions options) =>
        {
            if (events.Find(id) is not { } settings)
                return Results.NotFound(new { error = $"no event {id}" });
            var outcome = EventJoin.Join(settings, options.Events);
            return outcome.Joined
                ? Results.Ok(new { joined = true, waiting = outcome.Waiting })
                : Results.Json(new { joined = false, error = outcome.Error }, statusCode: StatusCodes.Status500InternalServerError);
        });
    }
}
