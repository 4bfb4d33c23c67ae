using System.Diagnostics;
using System.Net.Sockets;
using Harness.Toxiproxy.Client;

namespace Harness.Impairment.Bench;

/// <summary>
/// Latency toxic 100 ms (downstream) with optional uniform jitter: 10 connections, started 10 ms apart so their
/// timers do not all fire together, ping 64 bytes through the proxy 50 times each; added delay = round trip minus
/// the median no-toxic proxied round trip measured just before (after a warm-up round, so JIT is not in it). With
/// jitter the percentiles are compared with the configured uniform distribution (Toxiproxy's: an integer in
/// [-jitter, jitter-1] ms, so quantile q is latency - jitter + 2 jitter q).
/// </summary>
internal sealed class LatencyBench(int jitterMs) : IBenchmark
{
    private const int LatencyMs = 100;
    private const int Connections = 10;
    private const int PingsEach = 50;
    private static readonly TimeSpan Stagger = TimeSpan.FromMilliseconds(10);
    private static readonly double[] Quantiles = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

    public string Name => $"latency toxic {LatencyMs} ms, jitter {jitterMs} ms ({Connections * PingsEach} pings per run)";

    public string Target =>
        jitterMs == 0
            ? "added p50 within 2 ms of 100, p99 within 5 ms"
            : "percentiles match uniform [50, 150) ms (max |measured - configured| per quantile and KS distance reported)";

    public async Task<IReadOnlyDictionary<string, double>> RunOnceAsync(int run)
    {
        using var echo = LoopbackServer.Echo();
        await using var server = await ProxyServerProcess.StartAsync(seed: run);
        var listen = await server.CreateProxyAsync("slow", echo.Address);
        await PingAllAsync(listen, 20);
        var baseline = Stats.Percentile(await PingAllAsync(listen, 20), 0.5);
        await server.Client.AddToxicAsync(
            "slow",
            ToxicDefinition.Latency(TimeSpan.FromMilliseconds(LatencyMs), TimeSpan.FromMilliseconds(jitterMs))
        );
        var added = (await PingAllAsync(listen, PingsEach)).Select(rtt => rtt - baseline).ToArray();
        var figures = new Dictionary<string, double> { ["baseline_ms"] = baseline };
        foreach (var q in Quantiles)
            figures[$"p{q * 100:0}_ms"] = Stats.Percentile(added, q);
        if (jitterMs == 0)
        {
            figures["p50_error_ms"] = Math.Abs(figures["p50_ms"] - LatencyMs);
            figures["p99_error_ms"] = Math.Abs(figures["p99_ms"] - LatencyMs);
        }
        else
        {
            figures["max_quantile_error_ms"] = Quantiles.Max(q => Math.Abs(Stats.Percentile(added, q) - Configured(q)));
            figures["ks_distance"] = KolmogorovSmirnov(added);
        }
        return figures;
    }

    public string Verdict(IReadOnlyDictionary<string, double> m) =>
        jitterMs == 0
            ? (m["p50_error_ms"] <= 2 && m["p99_error_ms"] <= 5 ? "met" : "NOT met")
            : (m["max_quantile_error_ms"] <= 5 ? "matches (every reported quantile within 5 ms of the configured one)" : "differs");

    private double Configured(double q) => LatencyMs - jitterMs + 2.0 * jitterMs * q;

    // Largest gap between the empirical CDF and the configured uniform CDF.
    private double KolmogorovSmirnov(double[] sorted)
    {
        var worst = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var cdf = Math.Clamp((sorted[i] - (LatencyMs - jitterMs)) / (2.0 * jitterMs), 0, 1);
            worst = Math.Max(worst, Math.Max(Math.Abs(cdf - (double)i / sorted.Length), Math.Abs(cdf - (i + 1.0) / sorted.Length)));
        }
        return worst;
    }

    private static async Task<double[]> PingAllAsync(string listen, int pings)
    {
        var all = await Task.WhenAll(Enumerable.Range(0, Connections).Select(i => PingAsync(listen, pings, Stagger * i)));
        var samples = all.SelectMany(s => s).ToArray();
        Array.Sort(samples);
        return samples;
    }

    private static async Task<double[]> PingAsync(string listen, int pings, TimeSpan start)
    {
        using var socket = await Net.ConnectAsync(listen);
        await Task.Delay(start);
        var message = new byte[64];
        var samples = new double[pings];
        for (var i = 0; i < pings; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await socket.SendAsync(message, SocketFlags.None);
            await Net.ReceiveExactlyAsync(socket, new byte[64]);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return samples;
    }
}
