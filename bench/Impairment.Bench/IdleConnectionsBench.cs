using System.Net.Sockets;

namespace Harness.Impairment.Bench;

/// <summary>
/// <see cref="Connections"/> idle connections through one proxy (server in a child process, so its resident memory
/// is the proxy's alone). Established = the upstream accepted every one and each echoes one byte at the end.
/// </summary>
internal sealed class IdleConnectionsBench : IBenchmark
{
    // 10,000 needs 20,000 sockets in the proxy process (client side + upstream) plus its own few, over this
    // machine's hard limit of 20,000 descriptors, which cannot be raised here (no CAP_SYS_RESOURCE).
    private const int Connections = 9_900;
    private const int Parallel = 100;

    public string Name => $"{Connections} concurrent idle connections through one proxy";

    public string Target => "all established, proxy server resident memory < 1 GiB";

    public async Task<IReadOnlyDictionary<string, double>> RunOnceAsync(int run)
    {
        using var echo = LoopbackServer.Echo();
        await using var server = await ProxyServerProcess.StartAsync();
        var idleRss = server.ResidentBytes();
        var listen = await server.CreateProxyAsync("many", echo.Address);
        var sockets = new Socket[Connections];
        try
        {
            await ForEachAsync(Connections, async i => sockets[i] = await Net.ConnectAsync(listen));
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while (echo.Accepted < Connections)
                await Task.Delay(100, deadline.Token);
            // Let the server settle (idle links parked on their reads) before reading its memory.
            await Task.Delay(2000);
            var rss = server.ResidentBytes();
            var echoed = 0;
            await ForEachAsync(Connections, async i =>
            {
                await sockets[i].SendAsync(new byte[] { 7 }, SocketFlags.None);
                await Net.ReceiveExactlyAsync(sockets[i], new byte[1]);
                Interlocked.Increment(ref echoed);
            });
            return new Dictionary<string, double>
            {
                ["established"] = Math.Min(echo.Accepted, echoed),
                ["server_rss_MiB"] = rss / 1048576.0,
                ["server_rss_per_conn_KiB"] = (rss - idleRss) / 1024.0 / Connections,
                ["server_peak_MiB"] = server.PeakResidentBytes() / 1048576.0,
            };
        }
        finally
        {
            foreach (var socket in sockets)
                socket?.Dispose();
        }
    }

    public string Verdict(IReadOnlyDictionary<string, double> m) =>
        m["established"] == Connections && m["server_peak_MiB"] < 1024 ? "met" : "NOT met";

    private static Task ForEachAsync(int count, Func<int, Task> body) =>
        System.Threading.Tasks.Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
            await body(i)
        );
}
