using System.Diagnostics;
using System.Net.Sockets;
using Harness.Toxiproxy.Client;

namespace Harness.Impairment.Bench;

/// <summary>
/// API latency under load: <see cref="Streams"/> connections write 16 KiB chunks through one proxy, paced or as fast
/// as it takes them (into a discarding sink; both in a "stream" child process) while the API loop adds and removes
/// upstream toxics on that proxy (latency, bandwidth) and reads it back, for <see cref="Duration"/>. Every call is
/// timed from this otherwise idle process. streamed_MBps includes the time after the loop until the load stops.
/// </summary>
internal sealed class ApiResponsivenessBench(long bytesPerSecondEach) : IBenchmark
{
    private const int Streams = 1_000;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    public string Name =>
        $"API responsiveness with {Streams} streaming connections ({(bytesPerSecondEach > 0 ? $"{bytesPerSecondEach / 1000} KB/s each" : "unpaced, as fast as the proxy takes")}), toxics added/removed in a loop";

    public string Target => "API call p99 < 50 ms";

    public async Task<IReadOnlyDictionary<string, double>> RunOnceAsync(int run)
    {
        await using var server = await ProxyServerProcess.StartAsync();
        using var load = ChildProcess.Start("stream");
        var sink = await ChildProcess.ExpectAsync(load, "sink ", TimeSpan.FromSeconds(30));
        var listen = await server.CreateProxyAsync("busy", sink);
        await load.StandardInput.WriteLineAsync($"{listen} {Streams} {bytesPerSecondEach}");
        await ChildProcess.ExpectAsync(load, "streaming", TimeSpan.FromSeconds(120));
        var (samples, reads) = await ApiLoopAsync(server.Client);
        load.StandardInput.Close();
        var bytes = long.Parse(
            await ChildProcess.ExpectAsync(load, "bytes ", TimeSpan.FromSeconds(60)),
            System.Globalization.CultureInfo.InvariantCulture
        );
        await load.WaitForExitAsync();
        Array.Sort(samples);
        Array.Sort(reads);
        return new Dictionary<string, double>
        {
            ["calls"] = samples.Length,
            ["p50_ms"] = Stats.Percentile(samples, 0.5),
            ["p99_ms"] = Stats.Percentile(samples, 0.99),
            ["max_ms"] = samples[^1],
            ["get_p50_ms"] = Stats.Percentile(reads, 0.5),
            ["get_p99_ms"] = Stats.Percentile(reads, 0.99),
            ["streamed_MBps"] = bytes / 1e6 / Duration.TotalSeconds,
        };
    }

    public string Verdict(IReadOnlyDictionary<string, double> m) => m["p99_ms"] < 50 ? "met" : "NOT met";

    // All calls, and the reads alone (GET touches no link, so it shows the server's own queueing without adoption).
    private static async Task<(double[] All, double[] Reads)> ApiLoopAsync(ToxiproxyClient client)
    {
        var samples = new List<double>();
        var reads = new List<double>();
        var latency = ToxicDefinition.Latency(TimeSpan.FromMilliseconds(5), stream: ToxicStream.Upstream, name: "lat");
        var bandwidth = new ToxicDefinition("bandwidth", ToxicStream.Upstream, new Dictionary<string, long> { ["rate"] = 1_000_000 }, "bw");
        var calls = new Func<Task>[]
        {
            () => client.AddToxicAsync("busy", latency),
            () => client.DeleteToxicAsync("busy", "lat"),
            () => client.AddToxicAsync("busy", bandwidth),
            () => client.GetProxyAsync("busy"),
            () => client.DeleteToxicAsync("busy", "bw"),
        };
        var until = Stopwatch.GetTimestamp() + (long)(Duration.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; Stopwatch.GetTimestamp() < until; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await calls[i % calls.Length]();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (i % calls.Length == 3)
                reads.Add(samples[^1]);
        }
        return ([.. samples], [.. reads]);
    }
}
