using System.Globalization;
using System.Net.Sockets;

namespace Harness.Impairment.Bench.Table;

/// <summary>
/// Every row of the engine table in one run: direct loopback, our server and (with --toxiproxy-server) a real
/// Toxiproxy, interleaved within each round (the servers' order rotates per round), medians over rounds, printed
/// as markdown with the load average before and after.
/// </summary>
internal static class TableCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        TableOptions options;
        try
        {
            options = TableOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"table: {ex.Message}");
            return 2;
        }
        var servers = new List<(string Name, IReadOnlyList<string> Command)> { ("ours", options.Ours) };
        if (options.Toxiproxy is { } path)
            servers.Add(("toxiproxy", [path]));
        var loadBefore = BenchRunner.LoadAverage();
        Console.WriteLine(
            $"# engine table: {options.Rounds} rounds, ours = {string.Join(' ', options.Ours)}"
                + (
                    options.OursStart.SequenceEqual(options.Ours)
                        ? ""
                        : $" (start-up and idle RSS rows: {string.Join(' ', options.OursStart)})"
                )
                + (options.Toxiproxy is null ? "" : $", toxiproxy = {options.Toxiproxy}")
                + $"; loadavg before {loadBefore}"
        );
        var figures = new Figures();
        for (var round = 0; round < options.Rounds; round++)
        {
            var order = servers.Skip(round % servers.Count).Concat(servers.Take(round % servers.Count)).ToList();
            await RoundAsync(options, order, figures);
            Console.WriteLine($"round {round + 1}: {figures.Last()}  [loadavg {BenchRunner.LoadAverage()}]");
        }
        Console.WriteLine();
        Console.WriteLine($"loadavg before {loadBefore}, after {BenchRunner.LoadAverage()}; medians of {options.Rounds} rounds");
        Console.WriteLine();
        Console.Write(figures.Markdown(options.Toxiproxy is not null, options.PeerTrials));
        return 0;
    }

    private static async Task RoundAsync(TableOptions options, List<(string Name, IReadOnlyList<string> Command)> order, Figures figures)
    {
        figures.NewRound();
        using var echo = LoopbackServer.Echo();
        using var sink = Rows.Sink();
        using var discard = new LoopbackServer(DiscardAsync);
        var started = new List<(string Name, ServerUnderTest Server)>();
        try
        {
            foreach (var (name, command) in order)
            {
                var startRows = name == "ours" ? options.OursStart : command;
                var server = await StartMeasuredAsync(figures, name, startRows);
                if (!startRows.SequenceEqual(command))
                {
                    await server.DisposeAsync();
                    server = await ServerUnderTest.StartAsync(command);
                }
                started.Add((name, server));
            }
            var echoes = new List<string> { echo.Address };
            var sinks = new Dictionary<string, string> { ["direct"] = sink.Address };
            foreach (var (name, server) in started)
            {
                echoes.Add(await server.CreateProxyAsync("echo", echo.Address));
                sinks[name] = await server.CreateProxyAsync("bulk", sink.Address);
            }
            if (options.Rows.Contains("bulk"))
            {
                foreach (var (name, address) in sinks)
                    figures.Add("bulk_GiBps", name, await Rows.BulkAsync(address));
            }
            if (options.Rows.Contains("echo"))
                await EchoRowAsync(options, figures, echoes, started);
            if (options.Rows.Contains("open"))
                await OpenRowAsync(figures, started);
            foreach (var (name, server) in started.Where(_ => options.Rows.Contains("latency")))
            {
                var (errors, warm) = await Rows.LatencyErrorsAsync(server.Client, "echo", echoes[started.FindIndex(s => s.Name == name) + 1]);
                figures.Add("lat_err_p99_ms", name, Stats.Percentile(errors, 0.99));
                figures.Add("lat_err_max_ms", name, errors[^1]);
                figures.Add("lat_err_warm_p99_ms", name, Stats.Percentile(warm, 0.99));
                figures.Add("lat_err_warm_max_ms", name, warm[^1]);
            }
            foreach (var (name, server) in started.Where(_ => options.Rows.Contains("toxic")))
            {
                var listen = await server.CreateProxyAsync("queued", discard.Address);
                var (add, remove) = await Rows.ToxicChangesAsync(server.Client, "queued", listen);
                figures.Add("toxic_add_p50_ms", name, Stats.Percentile(add, 0.5));
                figures.Add("toxic_remove_p99_ms", name, Stats.Percentile(remove, 0.99));
            }
            foreach (var (name, server) in started.Where(_ => options.Rows.Contains("peer")))
            {
                figures.Add("peer_within_10ms", name, await Rows.PeerCheckAsync(server.Client, echo.Address, options.PeerTrials));
            }
        }
        finally
        {
            foreach (var (_, server) in started)
                await server.DisposeAsync();
        }
    }

    private static async Task EchoRowAsync(
        TableOptions options,
        Figures figures,
        List<string> echoes,
        List<(string Name, ServerUnderTest Server)> started
    )
    {
        var rtts = await Rows.EchoRoundTripsAsync(echoes, options.EchoSamples);
        for (var t = 1; t < rtts.Length; t++)
        {
            foreach (var (q, key) in new[] { (0.5, "rtt_p50_us"), (0.99, "rtt_p99_us"), (0.999, "rtt_p999_us") })
            {
                figures.Add(key, started[t - 1].Name, Stats.Percentile(rtts[t], q) - Stats.Percentile(rtts[0], q));
            }
        }
    }

    private static async Task OpenRowAsync(Figures figures, List<(string Name, ServerUnderTest Server)> started)
    {
        figures.Add("open_s", "direct", await Rows.OpenConnectionsAsync(e => Task.FromResult(e.Address)));
        foreach (var (name, server) in started)
        {
            var n = 0;
            figures.Add("open_s", name, await Rows.OpenConnectionsAsync(e => server.CreateProxyAsync($"open{n++}", e.Address)));
            await server.Client.DeleteProxyAsync($"open{n - 1}");
        }
    }

    /// <summary>Starts a server and records its start-up and idle RSS rows (RSS 1 s after the first /version).</summary>
    private static async Task<ServerUnderTest> StartMeasuredAsync(Figures figures, string name, IReadOnlyList<string> command)
    {
        var server = await ServerUnderTest.StartAsync(command);
        figures.Add("start_s", name, server.Startup.TotalSeconds);
        await Task.Delay(1000);
        figures.Add("idle_rss_MiB", name, server.ResidentBytes() / 1048576.0);
        return server;
    }

    private static async Task DiscardAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        while (await socket.ReceiveAsync(buffer, SocketFlags.None) > 0) { }
    }
}
