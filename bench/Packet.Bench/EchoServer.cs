using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Harness.Packet.Bench;

/// <summary>
/// <c>serve --address IP</c>: a WebSocket echo at <c>/echo</c> (Kestrel) and a bulk TCP source that sends zeros to
/// whoever connects until they close. Prints <c>ready WS_PORT BULK_PORT</c>, exits when its stdin closes (the
/// bench's tether: a killed bench takes its servers with it).
/// </summary>
internal static class EchoServer
{
    public static async Task<int> ServeAsync(string[] args)
    {
        if (args.Length != 2 || args[0] != "--address" || !IPAddress.TryParse(args[1], out var address))
        {
            throw new UsageException("serve takes --address IP");
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, 0));
        await using var app = builder.Build();
        app.UseWebSockets();
        app.Map("/echo", EchoAsync);
        await app.StartAsync();
        var wsPort = new Uri(app.Urls.First()).Port;
        using var bulk = new TcpListener(address, 0);
        bulk.Start();
        using var stop = new CancellationTokenSource();
        var sourcing = SourceAsync(bulk, stop.Token);
        Console.WriteLine($"ready {wsPort} {((IPEndPoint)bulk.LocalEndpoint).Port}");
        await Console.In.ReadToEndAsync();
        await stop.CancelAsync();
        bulk.Stop();
        await sourcing;
        await app.StopAsync();
        return 0;
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
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static async Task SourceAsync(TcpListener listener, CancellationToken stop)
    {
        var zeros = new byte[64 * 1024];
        var sends = new List<Task>();
        try
        {
            while (true)
            {
                var client = await listener.AcceptSocketAsync(stop);
                sends.Add(
                    Task.Run(
                        async () =>
                        {
                            using (client)
                            {
                                try
                                {
                                    while (true)
                                        await client.SendAsync(zeros, SocketFlags.None, stop);
                                }
                                catch (Exception ex) when (ex is SocketException or OperationCanceledException)
                                {
                                    // The reader closed or the server stops.
                                }
                            }
                        },
                        CancellationToken.None
                    )
                );
            }
        }
        catch (OperationCanceledException)
        {
            // stdin closed.
        }
        await Task.WhenAll(sends);
    }
}
