using System.Diagnostics;
using System.Net.Sockets;

namespace Harness.Impairment.Bench;

/// <summary>
/// 64-byte echo ping-pong, direct and through a proxy with no toxic, alternating one ping each. The added round trip
/// is the proxied percentile minus the direct percentile (p50, p99) of <see cref="Samples"/> round trips each.
/// </summary>
internal sealed class RoundTripBench : IBenchmark
{
    private const int Warmup = 2_000;
    private const int Samples = 20_000;

    public string Name => "round trip added by one proxy hop (64-byte echo)";

    public string Target => "added p50 <= 50 us, added p99 <= 500 us";

    public async Task<IReadOnlyDictionary<string, double>> RunOnceAsync(int run)
    {
        using var echo = LoopbackServer.Echo();
        await using var server = await ProxyServerProcess.StartAsync();
        var listen = await server.CreateProxyAsync("echo", echo.Address);
        var (direct, proxied) = await MeasureAsync(echo.Address, listen);
        return new Dictionary<string, double>
        {
            ["direct_p50_us"] = Stats.Percentile(direct, 0.5),
            ["direct_p99_us"] = Stats.Percentile(direct, 0.99),
            ["proxied_p50_us"] = Stats.Percentile(proxied, 0.5),
            ["proxied_p99_us"] = Stats.Percentile(proxied, 0.99),
            ["added_p50_us"] = Stats.Percentile(proxied, 0.5) - Stats.Percentile(direct, 0.5),
            ["added_p99_us"] = Stats.Percentile(proxied, 0.99) - Stats.Percentile(direct, 0.99),
        };
    }

    public string Verdict(IReadOnlyDictionary<string, double> m) => m["added_p50_us"] <= 50 && m["added_p99_us"] <= 500 ? "met" : "NOT met";

    // Direct and proxied pings alternate, so both sample the same moments of the shared machine's load.
    private static async Task<(double[] Direct, double[] Proxied)> MeasureAsync(string directAddress, string proxiedAddress)
    {
        using var direct = await Net.ConnectAsync(directAddress);
        using var proxied = await Net.ConnectAsync(proxiedAddress);
        var (directSamples, proxiedSamples) = (new double[Samples], new double[Samples]);
        for (var i = -Warmup; i < Samples; i++)
        {
            var d = await PingAsync(direct);
            var p = await PingAsync(proxied);
            if (i < 0)
                continue;
            (directSamples[i], proxiedSamples[i]) = (d, p);
        }
        Array.Sort(directSamples);
        Array.Sort(proxiedSamples);
        return (directSamples, proxiedSamples);
    }

    private static async Task<double> PingAsync(Socket socket)
    {
        var message = new byte[64];
        var started = Stopwatch.GetTimestamp();
        await socket.SendAsync(message, SocketFlags.None);
        await Net.ReceiveExactlyAsync(socket, message);
        return Stopwatch.GetElapsedTime(started).TotalMicroseconds;
    }
}
