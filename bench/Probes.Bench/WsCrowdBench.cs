using System.Diagnostics;
using System.Net;
using Harness.Probes.Abstractions;
using Harness.Probes.Bench.Infra;
using Harness.Probes.WebSockets;
using static Harness.Probes.Bench.Infra.Stats;

namespace Harness.Probes.Bench;

/// <summary>
/// ws-crowd: N WebSocket clients in this process, split over P WebSocketProbes (one per proxy process), all in
/// room 1 of a LiveRoom process, with the stream check on. Verifies that every client received exactly the frames
/// the room sent over a window, that the probe reported no loss, duplication, reordering or disconnect, and
/// measures this process's managed heap and RSS with everyone connected.
/// </summary>
internal static class WsCrowdBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var clients = args.Int("clients", 10_000);
        var proxies = args.Int("proxies", 2);
        var fps = args.Int("fps", 5);
        var runs = args.Int("runs", 3);
        var window = TimeSpan.FromSeconds(args.Int("window", 30));
        var ramp = TimeSpan.FromSeconds(args.Int("ramp", 20));
        Console.WriteLine(
            $"ws-crowd: {clients} clients over {proxies} proxy process(es), room 1 at {fps} frames/s, window {window.TotalSeconds} s, ramp {ramp.TotalSeconds} s, {runs} runs"
        );

        var results = new List<CrowdResult>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await RunOnceAsync(clients, proxies, fps, window, ramp).ConfigureAwait(false);
            results.Add(result);
            Console.WriteLine($"run {run}: {result}");
        }
        Console.WriteLine(
            $"median: connect-all {F(Median(results.Select(r => r.ConnectAllSeconds)), "0.00")} s, heap {F(Median(results.Select(r => r.HeapMib)), "0")} MiB, "
                + $"RSS {F(Median(results.Select(r => r.RssMib)), "0")} MiB, peak RSS {F(Median(results.Select(r => r.PeakRssMib)), "0")} MiB, "
                + $"frames verified {F(Median(results.Select(r => (double)r.FramesVerified)), "0")}, mismatched clients max {results.Max(r => r.Mismatched)}"
        );
        var pass = results.All(r => r.Pass);
        Console.WriteLine(pass ? "verdict: PASS" : "verdict: FAIL");
        return pass ? 0 : 1;
    }

    private static async Task<CrowdResult> RunOnceAsync(int clients, int proxyCount, int fps, TimeSpan window, TimeSpan ramp)
    {
        var load = Machine.Load();
        using var room = await LiveRoomProcess.StartAsync(fps).ConfigureAwait(false);
        var hosts = new List<ChildProcess>();
        try
        {
            var endpoints = new List<IPEndPoint>();
            for (var p = 0; p < proxyCount; p++)
            {
                var (process, api) = await ProxyHost.StartAsync().ConfigureAwait(false);
                hosts.Add(process);
                endpoints.Add(await CrowdSetup.CreateProxyAsync(api, room.BaseUri).ConfigureAwait(false));
            }
            return await MeasureAsync(room, hosts, CrowdSetup.Routes(endpoints), clients, fps, window, ramp, load).ConfigureAwait(false);
        }
        finally
        {
            foreach (var host in hosts)
                host.Dispose();
        }
    }

    private static async Task<CrowdResult> MeasureAsync(
        LiveRoomProcess room,
        List<ChildProcess> hosts,
        HostRoutes routes,
        int clients,
        int fps,
        TimeSpan window,
        TimeSpan ramp,
        string load
    )
    {
        var sink = new BenchSink();
        var context = new ProbeContext(sink, new FixedPhase("steady"), TimeProvider.System, routes);
        var names = new List<string>();
        var probes = new List<WebSocketProbe>();
        var perProbe = clients / hosts.Count;
        for (var p = 0; p < hosts.Count; p++)
        {
            var name = $"crowd-{p}";
            var n = p == hosts.Count - 1 ? clients - perProbe * p : perProbe;
            names.Add(name);
            sink.TrackClients(name, n);
            probes.Add(
                new WebSocketProbe(
                    new WebSocketProbeOptions(name, new Uri($"ws://{CrowdSetup.Host(p)}/ws/room/1"))
                    {
                        Clients = n,
                        Stream = new WebSocketStreamCheck(),
                        RampDuration = ramp,
                        TagClients = true, // per-client received counts for the accounting below
                        Seed = p,
                    }
                )
            );
        }

        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        var rssBefore = Machine.Rss();
        using var stop = new CancellationTokenSource();
        var started = Stopwatch.GetTimestamp();
        var running = probes.Select(probe => Task.Run(() => probe.RunAsync(context, stop.Token))).ToArray();

        var deadline = ramp + TimeSpan.FromSeconds(90);
        var lastReport = started;
        while (sink.Count(MetricNames.WsConnecting) < clients && Stopwatch.GetElapsedTime(started) < deadline)
        {
            await Task.Delay(50).ConfigureAwait(false);
            if (Stopwatch.GetElapsedTime(lastReport) < TimeSpan.FromSeconds(5))
                continue;
            lastReport = Stopwatch.GetTimestamp();
            Console.WriteLine(
                $"  {F(Stopwatch.GetElapsedTime(started).TotalSeconds, "0")} s: connected {sink.Count(MetricNames.WsConnecting)}, "
                    + $"received {sink.Count(MetricNames.WsMsgsReceived)}, handshake failed {sink.Total(MetricNames.WsHandshakeFailed)}, load {Machine.Load()}"
            );
        }
        var connected = sink.Count(MetricNames.WsConnecting);
        var connectAll = Stopwatch.GetElapsedTime(started, sink.LastTimestamp(MetricNames.WsConnecting));
        var (members, _) = await room.RoomAsync("1").ConfigureAwait(false);

        await Task.Delay(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        var quiet = TimeSpan.FromMilliseconds(Math.Min(80, 500.0 / fps));
        var first = await QuiescentSnapshot.TakeAsync(room, sink, names, quiet).ConfigureAwait(false);
        var windowStarted = Stopwatch.GetTimestamp();
        var pids = new[] { Environment.ProcessId, room.Pid }.Concat(hosts.Select(h => h.Pid)).ToArray();
        var cpuBefore = pids.Select(Machine.CpuTime).ToArray();
        await Task.Delay(window).ConfigureAwait(false);
        var second = await QuiescentSnapshot.TakeAsync(room, sink, names, quiet).ConfigureAwait(false);
        var windowSeconds = Stopwatch.GetElapsedTime(windowStarted).TotalSeconds;
        var cpu = pids.Select((pid, i) => (Machine.CpuTime(pid) - cpuBefore[i]).TotalSeconds / windowSeconds).ToArray();
        Console.WriteLine(
            $"  window CPU (cores): probe {F(cpu[0], "0.00")}, LiveRoom {F(cpu[1], "0.00")}, proxies {F(cpu[2..].Sum(), "0.00")}"
        );

        var gc = GC.GetGCMemoryInfo();
        var memory = new MemoryFigures(
            GC.GetTotalMemory(false),
            gc.HeapSizeBytes,
            Machine.Rss(),
            Machine.PeakRss(),
            heapBefore,
            rssBefore,
            Machine.OpenFiles(),
            hosts.Sum(h => Machine.Rss(h.Pid)),
            Machine.Rss(room.Pid)
        );

        var expected = second.LastSeq - first.LastSeq;
        var mismatched = 0;
        long received = 0;
        foreach (var name in names)
        {
            var (a, b) = (first.Counts[name], second.Counts[name]);
            for (var i = 0; i < a.Length; i++)
            {
                var delta = b[i] - a[i];
                received += delta;
                if (delta != expected)
                    mismatched++;
            }
        }

        var stopStarted = Stopwatch.GetTimestamp();
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var stopSeconds = Stopwatch.GetElapsedTime(stopStarted).TotalSeconds;

        return new CrowdResult(
            load,
            clients,
            connected,
            members,
            connectAll.TotalSeconds,
            sink.Snapshot(MetricNames.WsConnecting),
            expected,
            expected / windowSeconds,
            received,
            (long)expected * clients,
            mismatched,
            (long)sink.Total(MetricNames.WsMsgsLost),
            (long)sink.Total(MetricNames.WsMsgsDuplicated),
            (long)sink.Total(MetricNames.WsMsgsReordered),
            (long)sink.Total(MetricNames.WsDisconnects),
            (long)sink.Total(MetricNames.WsHandshakeFailed),
            sink.TaggedSummary(),
            sink.Snapshot(MetricNames.WsFrameDelay),
            memory,
            stopSeconds,
            Machine.Load()
        );
    }
}
