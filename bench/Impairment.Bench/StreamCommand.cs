using System.Net.Sockets;

namespace Harness.Impairment.Bench;

/// <summary>
/// The streaming load of the API benchmark in its own process, so the API client's process stays idle: hosts a
/// discarding sink (prints "sink ADDR"), reads "ADDR N RATE" on standard input, opens N connections to ADDR writing
/// 16 KiB chunks, RATE bytes/s per connection (0 = as fast as they are taken; prints "streaming"), and stops when
/// standard input closes (prints "bytes B", what the sink received).
/// </summary>
internal static class StreamCommand
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        long received = 0;
        using var sink = new LoopbackServer(async socket =>
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                Interlocked.Add(ref received, read);
        });
        Console.WriteLine($"sink {sink.Address}");
        var order = (await Console.In.ReadLineAsync())!.Split(' ');
        var sockets = await Task.WhenAll(
            Enumerable
                .Range(0, int.Parse(order[1], System.Globalization.CultureInfo.InvariantCulture))
                .Select(_ => Net.ConnectAsync(order[0]))
        );
        using var stop = new CancellationTokenSource();
        var rate = long.Parse(order[2], System.Globalization.CultureInfo.InvariantCulture);
        var streams = sockets.Select(s => StreamAsync(s, rate, stop.Token)).ToArray();
        Console.WriteLine("streaming");
        await Console.In.ReadToEndAsync();
        await stop.CancelAsync();
        foreach (var socket in sockets)
            socket.Dispose();
        await Task.WhenAll(streams);
        Console.WriteLine($"bytes {Interlocked.Read(ref received)}");
        return 0;
    }

    private static async Task StreamAsync(Socket socket, long rate, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        var pause = rate > 0 ? TimeSpan.FromSeconds((double)buffer.Length / rate) : TimeSpan.Zero;
        try
        {
            // Paced streams start spread over one pause, so they do not all write in the same millisecond.
            if (rate > 0)
                await Task.Delay(pause * Random.Shared.NextDouble(), stop);
            while (!stop.IsCancellationRequested)
            {
                await socket.SendAsync(buffer, SocketFlags.None, stop);
                if (rate > 0)
                    await Task.Delay(pause, stop);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException) { }
    }
}
