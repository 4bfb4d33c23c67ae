using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace NUnitExample;

/// <summary>
/// The product under test, kept tiny: a page that fetches its price from an API, and a WebSocket echo. Your own tests would
/// start your real app (or a WebApplicationFactory) the same way, on 127.0.0.1 and a free port.
/// </summary>
public sealed class TinyShop : IAsyncDisposable
{
    private const string Page = """
        <!doctype html>
        <title>Tiny shop</title>
        <h1>Tiny shop</h1>
        <p>Price: <span id="price">loading</span></p>
        <script>
          fetch('/api/price').then(r => r.json()).then(p => document.getElementById('price').textContent = p.amount);
        </script>
        """;

    private readonly WebApplication _app;

    private TinyShop(WebApplication app) => _app = app;

    /// <summary>Where the shop listens, e.g. <c>127.0.0.1:41234</c> (what a proxy's Upstream takes).</summary>
    public string Address => new Uri(_app.Urls.First()).Authority;

    public static async Task<TinyShop> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/", () => Results.Content(Page, "text/html"));
        app.MapGet("/api/price", () => Results.Json(new { amount = 42 }));
        app.Map("/ws/echo", EchoAsync);
        await app.StartAsync();
        return new TinyShop(app);
    }

    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
                break;
            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
