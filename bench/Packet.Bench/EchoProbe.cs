using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.WebSockets;

namespace Harness.Packet.Bench;

/// <summary>
/// 64-byte WebSocket echoes sent every 50 ms on one connection for a fixed time, never waiting for the reply;
/// each sample is one echo's round trip (send to reply). The first second is warm-up (the kernel's RTT estimate
/// settles) and is not counted.
/// </summary>
internal static class EchoProbe
{
    private const int Size = 64;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static async Task<EchoResult> RunAsync(Uri uri, TimeSpan duration, CancellationToken cancel)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(uri, cancel);
        var count = (int)((duration + WarmUp) / Interval);
        var rtts = new double[count];
        Array.Fill(rtts, double.NaN);
        var receiving = ReceiveAsync(socket, rtts, cancel);
        var payload = new byte[Size];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = Interval * i - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
                await Task.Delay(due, cancel);
            BinaryPrimitives.WriteInt32LittleEndian(payload, i);
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(4), Stopwatch.GetTimestamp());
            await socket.SendAsync(payload, WebSocketMessageType.Binary, true, cancel);
        }
        using (var drain = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            drain.CancelAfter(TimeSpan.FromSeconds(30));
            await Task.WhenAny(receiving, Task.Delay(Timeout.Infinite, drain.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        }
        var skip = (int)(WarmUp / Interval);
        var samples = rtts[skip..].Where(r => !double.IsNaN(r)).Order().ToArray();
        return new EchoResult(samples, count - skip - samples.Length);
    }

    private static async Task ReceiveAsync(ClientWebSocket socket, double[] rtts, CancellationToken cancel)
    {
        var buffer = new byte[Size];
        for (var answered = 0; answered < rtts.Length; )
        {
            var filled = 0;
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(filled), cancel);
                filled += received.Count;
                if (received.EndOfMessage)
                    break;
            }
            var sequence = BinaryPrimitives.ReadInt32LittleEndian(buffer);
            var sent = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(4));
            rtts[sequence] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            answered++;
        }
    }
}

internal sealed record EchoResult(double[] SortedMs, int Missing)
{
    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    /// <summary>Linear interpolation between closest ranks.</summary>
    private double Percentile(double q)
    {
        if (SortedMs.Length == 0)
            return double.NaN;
        var rank = q * (SortedMs.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, SortedMs.Length - 1);
        return SortedMs[low] + (SortedMs[high] - SortedMs[low]) * (rank - low);
    }
}
