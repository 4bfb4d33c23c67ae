using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Harness.Testing.Tests;

/// <summary>Times one small message out and back through a proxy in front of an echo server.</summary>
internal static class RoundTrip
{
    public static async Task<TimeSpan> MeasureAsync(IPEndPoint endpoint)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint, timeout.Token);
        var stream = client.GetStream();
        var message = new byte[32];
        var buffer = new byte[32];
        var watch = Stopwatch.StartNew();
        await stream.WriteAsync(message, timeout.Token);
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        return watch.Elapsed;
    }

    /// <summary>True when a connection through the proxy carries a message back within a second.</summary>
    public static async Task<bool> PassesAsync(IPEndPoint endpoint)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(new byte[4], timeout.Token);
            var buffer = new byte[4];
            return await stream.ReadAsync(buffer, timeout.Token) > 0;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
