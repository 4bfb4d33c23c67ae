using System.Net.WebSockets;
using LiveRoom.Options;

namespace LiveRoom.Endpoints;

/// <summary><c>/ws/echo</c>: sends every fragment back as received (type and message boundaries kept) until close.</summary>
internal static class EchoEndpoint
{
    public static void MapEcho(this IEndpointRouteBuilder app) =>
        app.Map("/ws/echo", async (HttpContext context, IHostApplicationLifetime lifetime, LiveRoomOptions options, TimeProvider time) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
                return Results.BadRequest("WebSocket upgrade expected");
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            using var session = new EchoSession(socket, abort, options.CloseGrace, time);
            // Without this, a stopping server would wait for every echo client to leave on its own.
            using var onStopping = lifetime.ApplicationStopping.Register(session.CloseForShutdown);
            await session.RunAsync().ConfigureAwait(false);
            return Results.Empty;
        });
}
