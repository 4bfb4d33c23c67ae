using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Harness.Packet.Bench;

/// <summary>One TCP connection reading the server's bulk source for a fixed time: Mbit/s from the first byte on.</summary>
internal static class BulkProbe
{
    public static async Task<double> RunAsync(IPEndPoint source, TimeSpan duration, CancellationToken cancel)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(source, cancel);
        var buffer = new byte[64 * 1024];
        var total = (long)await socket.ReceiveAsync(buffer, SocketFlags.None, cancel);
        var first = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        stop.CancelAfter(duration);
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token)) > 0)
                total += read;
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            // The measuring time is over.
        }
        return total * 8 / Stopwatch.GetElapsedTime(first).TotalSeconds / 1e6;
    }
}
