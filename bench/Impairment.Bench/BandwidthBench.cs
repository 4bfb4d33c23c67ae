using System.Diagnostics;
using System.Net.Sockets;
using Harness.Toxiproxy.Client;

namespace Harness.Impairment.Bench;

/// <summary>
/// Bandwidth toxic 1000 KB/s (Toxiproxy's KB = 1000 bytes) upstream: the client writes as fast as the proxy takes
/// bytes; the sink counts what arrives in the <see cref="Window"/> that starts with the first byte.
/// </summary>
internal sealed class BandwidthBench : IBenchmark
{
    private const long RateKBps = 1000;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public string Name => $"bandwidth toxic {RateKBps} KB/s over {Window.TotalSeconds:0} s";

    public string Target => "measured rate within 5% of 1,000,000 B/s";

    public async Task<IReadOnlyDictionary<string, double>> RunOnceAsync(int run)
    {
        var measured = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sink = new LoopbackServer(socket => CountAsync(socket, measured));
        await using var server = await ProxyServerProcess.StartAsync();
        var listen = await server.CreateProxyAsync("narrow", sink.Address);
        await server.Client.AddToxicAsync(
            "narrow",
            new ToxicDefinition("bandwidth", ToxicStream.Upstream, new Dictionary<string, long> { ["rate"] = RateKBps })
        );
        using var stop = new CancellationTokenSource();
        using var socket = await Net.ConnectAsync(listen);
        var sending = SendUntilAsync(socket, stop.Token);
        var rate = await measured.Task;
        await stop.CancelAsync();
        await sending;
        var expected = RateKBps * 1000.0;
        return new Dictionary<string, double> { ["rate_Bps"] = rate, ["error_pct"] = Math.Abs(rate - expected) / expected * 100 };
    }

    public string Verdict(IReadOnlyDictionary<string, double> m) => m["error_pct"] <= 5 ? "met" : "NOT met";

    private static async Task SendUntilAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
                await socket.SendAsync(buffer, SocketFlags.None, stop);
        }
        catch (OperationCanceledException) { }
    }

    private static async Task CountAsync(Socket socket, TaskCompletionSource<double> measured)
    {
        var buffer = new byte[64 * 1024];
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
        var started = Stopwatch.GetTimestamp();
        long bytes = 0;
        using var window = new CancellationTokenSource(Window);
        try
        {
            // The first read only starts the clock: bytes are counted as they arrive after it.
            while (read > 0)
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, window.Token);
                bytes += read;
            }
        }
        catch (OperationCanceledException) { }
        measured.TrySetResult(bytes / Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
