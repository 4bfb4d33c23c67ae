using System.Diagnostics;
using System.Net.Sockets;
using Harness.Toxiproxy.Client;

namespace Harness.Impairment.Bench.Table;

/// <summary>One measurement per row of the engine table (docs/benchmarks.md); each takes addresses, never a server kind.</summary>
internal static class Rows
{
    public const int Connections = 9_900;
    private const long BulkBytes = 256L << 20;
    private const int SendSize = 256 * 1024;

    /// <summary>GiB/s of <see cref="BulkBytes"/> over one connection into a sink that acknowledges the last byte.</summary>
    public static async Task<double> BulkAsync(string address)
    {
        using var socket = await Net.ConnectAsync(address);
        var buffer = new byte[SendSize];
        var started = Stopwatch.GetTimestamp();
        for (var sent = 0L; sent < BulkBytes; sent += SendSize)
            await socket.SendAsync(buffer, SocketFlags.None);
        await Net.ReceiveExactlyAsync(socket, new byte[1]);
        return BulkBytes / 1073741824.0 / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public static LoopbackServer Sink() =>
        new(async socket =>
        {
            var buffer = new byte[SendSize];
            for (var received = 0L; received < BulkBytes; )
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                    return;
                received += read;
            }
            await socket.SendAsync(new byte[] { 1 }, SocketFlags.None);
        });

    /// <summary>64-byte echo round trips (µs, sorted) on each address, one ping per address in turn.</summary>
    public static async Task<double[][]> EchoRoundTripsAsync(IReadOnlyList<string> addresses, int samples)
    {
        var sockets = await Task.WhenAll(addresses.Select(a => Net.ConnectAsync(a)));
        var result = addresses.Select(_ => new double[samples]).ToArray();
        var message = new byte[64];
        try
        {
            for (var i = -samples / 10; i < samples; i++)
            {
                for (var t = 0; t < sockets.Length; t++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await sockets[t].SendAsync(message, SocketFlags.None);
                    await Net.ReceiveExactlyAsync(sockets[t], message);
                    if (i >= 0)
                        result[t][i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                }
            }
        }
        finally
        {
            foreach (var socket in sockets)
                socket.Dispose();
        }
        foreach (var r in result)
            Array.Sort(r);
        return result;
    }

    /// <summary>Seconds from the first connect until the echo server behind <paramref name="address"/> accepted all.</summary>
    public static async Task<double> OpenConnectionsAsync(Func<LoopbackServer, Task<string>> addressOf)
    {
        using var echo = LoopbackServer.Echo();
        var address = await addressOf(echo);
        var sockets = new Socket?[Connections];
        try
        {
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForAsync(0, Connections, new ParallelOptions { MaxDegreeOfParallelism = 100 }, async (i, token) =>
                sockets[i] = await Net.ConnectAsync(address, token)
            );
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while (echo.Accepted < Connections)
                await Task.Delay(1, deadline.Token);
            return Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        finally
        {
            foreach (var socket in sockets)
                socket?.Dispose();
        }
    }

    /// <summary>
    /// Latency toxic 100 ms downstream: 10 connections (started 10 ms apart) ping 30 times each; error = |round trip -
    /// 100 ms - the proxy's no-toxic median round trip|, in ms, sorted. Warm: the same without each connection's first
    /// ping (the first pings after the toxic is added also pay first-use costs: a fresh chain, and on a JIT server the
    /// compilation of the latency path). The no-toxic baseline is taken after an unmeasured round of the same pings:
    /// with <c>--rows latency</c> alone they are the proxy's first traffic, and a JIT server compiling its accept,
    /// dial and forwarding paths under load inflated the baseline median (by up to 400 ms), and with it every error.
    /// </summary>
    public static async Task<(double[] All, double[] Warm)> LatencyErrorsAsync(ToxiproxyClient client, string proxy, string listen)
    {
        await PingManyAsync(listen, 3);
        var baseline = Stats.Percentile(Sorted(await PingManyAsync(listen, 10), skip: 0), 0.5);
        await client.AddToxicAsync(proxy, ToxicDefinition.Latency(TimeSpan.FromMilliseconds(100), name: "lat100"));
        var samples = await PingManyAsync(listen, 30);
        await client.DeleteToxicAsync(proxy, "lat100");
        double[] Errors(int skip) => Sorted(samples, skip).Select(s => Math.Abs(s - 100 - baseline)).Order().ToArray();
        return (Errors(0), Errors(1));
    }

    private static double[] Sorted(double[][] perConnection, int skip) => perConnection.SelectMany(c => c.Skip(skip)).Order().ToArray();

    /// <summary>
    /// Toxic add and remove times (ms) on a proxy whose one connection is fed 20 MB/s while a 1 s upstream latency
    /// toxic holds what it sent (about 20 MB queued in the proxy).
    /// </summary>
    public static async Task<(double[] Add, double[] Remove)> ToxicChangesAsync(ToxiproxyClient client, string proxy, string listen)
    {
        await client.AddToxicAsync(proxy, ToxicDefinition.Latency(TimeSpan.FromSeconds(1), stream: ToxicStream.Upstream, name: "hold"));
        using var stop = new CancellationTokenSource();
        var feed = FeedAsync(listen, 20_000_000, stop.Token);
        await Task.Delay(1500);
        var (adds, removes) = (new double[30], new double[30]);
        var toxic = ToxicDefinition.Latency(TimeSpan.FromMilliseconds(1), stream: ToxicStream.Upstream, name: "flip");
        for (var i = 0; i < adds.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await client.AddToxicAsync(proxy, toxic);
            adds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            await client.DeleteToxicAsync(proxy, "flip");
            removes[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        await stop.CancelAsync();
        await feed;
        await client.DeleteToxicAsync(proxy, "hold");
        Array.Sort(adds);
        Array.Sort(removes);
        return (adds, removes);
    }

    /// <summary>
    /// The peer-style check: a fresh proxy with a 100 ms downstream latency toxic, a fresh connection, one 64-byte
    /// echo timed from the connect; counts the trials within ±10 ms of 100 ms.
    /// </summary>
    public static async Task<int> PeerCheckAsync(ToxiproxyClient client, string upstream, int trials)
    {
        var within = 0;
        for (var i = 0; i < trials; i++)
        {
            var name = $"peer{i}";
            var listen = (await client.CreateProxyAsync(new ProxyDefinition(name, upstream, "127.0.0.1:0"))).Listen;
            await client.AddToxicAsync(name, ToxicDefinition.Latency(TimeSpan.FromMilliseconds(100)));
            var started = Stopwatch.GetTimestamp();
            using (var socket = await Net.ConnectAsync(listen))
            {
                var message = new byte[64];
                await socket.SendAsync(message, SocketFlags.None);
                await Net.ReceiveExactlyAsync(socket, message);
            }
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (Math.Abs(ms - 100) <= 10)
                within++;
            await client.DeleteProxyAsync(name);
        }
        return within;
    }

    // Round trips in ms, per connection in the order sent.
    private static async Task<double[][]> PingManyAsync(string listen, int pings)
    {
        return await Task.WhenAll(
            Enumerable
                .Range(0, 10)
                .Select(async c =>
                {
                    using var socket = await Net.ConnectAsync(listen);
                    await Task.Delay(10 * c);
                    var message = new byte[64];
                    var samples = new double[pings];
                    for (var i = 0; i < pings; i++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        await socket.SendAsync(message, SocketFlags.None);
                        await Net.ReceiveExactlyAsync(socket, message);
                        samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }
                    return samples;
                })
        );
    }

    // Paced writes of 16 KiB every time the schedule allows, until cancelled.
    private static async Task FeedAsync(string listen, long bytesPerSecond, CancellationToken stop)
    {
        using var socket = await Net.ConnectAsync(listen, CancellationToken.None);
        var chunk = new byte[16 * 1024];
        var started = Stopwatch.GetTimestamp();
        var sent = 0L;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = sent / (double)bytesPerSecond - Stopwatch.GetElapsedTime(started).TotalSeconds;
                if (due > 0.001)
                    await Task.Delay(TimeSpan.FromSeconds(due), stop);
                await socket.SendAsync(chunk, SocketFlags.None, stop);
                sent += chunk.Length;
            }
        }
        catch (OperationCanceledException) { }
    }
}
