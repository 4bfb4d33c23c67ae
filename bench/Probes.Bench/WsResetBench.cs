using System.Diagnostics;
using Harness.Impairment.Server;
using Harness.Probes.Abstractions;
using Harness.Probes.Bench.Infra;
using Harness.Probes.WebSockets;
using Harness.Toxiproxy.Client;
using static Harness.Probes.Bench.Infra.Stats;

namespace Harness.Probes.Bench;

/// <summary>
/// ws-reset: N clients in room 1 through the embedded proxy (in this process); the proxy is disabled and
/// re-enabled through its API, which drops every connection at once. Clients reconnect with exponential backoff
/// and full jitter; measures time-to-reconnect (ws_reconnect_time) and the time until all are back.
/// </summary>
internal static class WsResetBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var clients = args.Int("clients", 5_000);
        var fps = args.Int("fps", 5);
        var runs = args.Int("runs", 5);
        var ramp = TimeSpan.FromSeconds(args.Int("ramp", 10));
        var maxConnects = args.Int("max-connects", 100);
        var policy = new WebSocketReconnectOptions
        {
            Kind = WebSocketReconnectKind.Exponential,
            Delay = TimeSpan.FromMilliseconds(args.Int("base-ms", 1000)),
            MaxDelay = TimeSpan.FromMilliseconds(args.Int("cap-ms", 10_000)),
            Multiplier = 2,
        };
        Console.WriteLine(
            $"ws-reset: {clients} clients, room 1 at {fps} frames/s, reconnect exponential full jitter base {policy.Delay.TotalMilliseconds} ms "
                + $"x{policy.Multiplier} cap {policy.MaxDelay.TotalMilliseconds} ms, max {maxConnects} handshakes in flight, {runs} runs"
        );
        var results = new List<ResetResult>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await RunOnceAsync(clients, fps, ramp, policy, maxConnects).ConfigureAwait(false);
            results.Add(result);
            Console.WriteLine($"run {run}: {result}");
        }
        Console.WriteLine(
            $"median: all back {F(Median(results.Select(r => r.AllBackMs)), "0")} ms, p50 {F(Median(results.Select(r => r.ReconnectTime.Percentile(50))), "0")}, "
                + $"p90 {F(Median(results.Select(r => r.ReconnectTime.Percentile(90))), "0")}, p99 {F(Median(results.Select(r => r.ReconnectTime.Percentile(99))), "0")}, "
                + $"max {F(Median(results.Select(r => r.ReconnectTime.Max)), "0")} ms; bound {F(Median(results.Select(r => r.BoundMs)), "0")} ms, outage {F(Median(results.Select(r => r.OutageMs)), "0")} ms"
        );
        var pass = results.All(r => r.Pass);
        Console.WriteLine(pass ? "verdict: PASS" : "verdict: FAIL");
        return pass ? 0 : 1;
    }

    private static async Task<ResetResult> RunOnceAsync(
        int clients,
        int fps,
        TimeSpan ramp,
        WebSocketReconnectOptions policy,
        int maxConnects
    )
    {
        var load = Machine.Load();
        using var room = await LiveRoomProcess.StartAsync(fps).ConfigureAwait(false);
        await using var proxy = await EmbeddedToxiproxy.StartAsync(new ToxiproxyServerOptions { Port = 0 }).ConfigureAwait(false);
        using var api = new ToxiproxyClient(proxy.ApiAddress);
        var listen = await CrowdSetup.CreateProxyAsync(proxy.ApiAddress, room.BaseUri).ConfigureAwait(false);

        var sink = new BenchSink(byPhase: true);
        var phase = new SwitchPhase("ramp");
        var context = new ProbeContext(sink, phase, TimeProvider.System, CrowdSetup.Routes([listen]));
        var probe = new WebSocketProbe(
            new WebSocketProbeOptions("reset", new Uri($"ws://{CrowdSetup.Host(0)}/ws/room/1"))
            {
                Clients = clients,
                Stream = new WebSocketStreamCheck(),
                RampDuration = ramp,
                Reconnect = policy,
                MaxConcurrentConnects = maxConnects,
                TagClients = true, // per-client handshake failures, for the policy's bound
            }
        );
        sink.TrackClients("reset", clients);
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => probe.RunAsync(context, stop.Token));
        var started = Stopwatch.GetTimestamp();
        while (sink.Count(MetricNames.WsConnecting) < clients && Stopwatch.GetElapsedTime(started) < ramp + TimeSpan.FromSeconds(60))
            await Task.Delay(50).ConfigureAwait(false);
        var connected = sink.Count(MetricNames.WsConnecting);
        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);

        phase.Set("reset");
        var resetAt = Stopwatch.GetTimestamp();
        await api.UpdateProxyAsync("liveroom", new ProxyUpdate(Enabled: false)).ConfigureAwait(false);
        var disableMs = Stopwatch.GetElapsedTime(resetAt).TotalMilliseconds;
        await api.UpdateProxyAsync("liveroom", new ProxyUpdate(Enabled: true)).ConfigureAwait(false);
        var outageMs = Stopwatch.GetElapsedTime(resetAt).TotalMilliseconds;
        while (sink.Total(MetricNames.WsReconnects) < clients && Stopwatch.GetElapsedTime(resetAt) < TimeSpan.FromSeconds(120))
            await Task.Delay(5).ConfigureAwait(false);
        var back = (long)sink.Total(MetricNames.WsReconnects);
        var allBackMs = Stopwatch.GetElapsedTime(resetAt, sink.LastTimestamp(MetricNames.WsReconnects)).TotalMilliseconds;
        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        var (members, _) = await room.RoomAsync("1").ConfigureAwait(false);

        await stop.CancelAsync().ConfigureAwait(false);
        await running.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);

        var handshakeFailed = (long)sink.Snapshot("reset", MetricNames.WsHandshakeFailed).Sum;
        var maxFailures = (int)sink.MaxClientFailures("reset");
        var connecting = sink.Snapshot("reset", MetricNames.WsConnecting);
        // Every attempt before the proxy is back may fail; the wait that spans its return is at most the ceiling of
        // attempt (failures + 1); then one handshake. So no client can take longer than this (gate waits aside).
        var bound = outageMs + Ceiling(policy, maxFailures + 1) + connecting.Max;
        return new ResetResult(
            load,
            clients,
            connected,
            (long)sink.Snapshot("reset", MetricNames.WsDisconnects).Sum,
            back,
            members,
            disableMs,
            outageMs,
            allBackMs,
            sink.Snapshot("reset", MetricNames.WsReconnectTime),
            connecting,
            handshakeFailed,
            maxFailures,
            sink.TaggedSummary(),
            (long)sink.Total(MetricNames.WsMsgsLost),
            (long)sink.Total(MetricNames.WsMsgsDuplicated),
            bound,
            Machine.Load()
        );
    }

    /// <summary>The upper end of attempt <paramref name="attempt"/>'s delay: min(cap, base * multiplier^(attempt-1)).</summary>
    private static double Ceiling(WebSocketReconnectOptions policy, int attempt) =>
        Math.Min(policy.MaxDelay.TotalMilliseconds, policy.Delay.TotalMilliseconds * Math.Pow(policy.Multiplier, attempt - 1));
}

internal sealed record ResetResult(
    string LoadBefore,
    int Clients,
    long Connected,
    long Disconnects,
    long Back,
    int Members,
    double DisableMs,
    double OutageMs,
    double AllBackMs,
    LogLinearHistogram ReconnectTime,
    LogLinearHistogram Connecting,
    long HandshakeFailed,
    int MaxClientFailures,
    string Failures,
    long Lost,
    long Duplicated,
    double BoundMs,
    string LoadAfter
)
{
    public bool Pass =>
        Connected == Clients
        && Disconnects == Clients
        && Back == Clients
        && Members == Clients
        && ReconnectTime.Max <= BoundMs
        && Duplicated == 0;

    public override string ToString() =>
        $"{(Pass ? "PASS" : "FAIL")} load {LoadBefore} -> {LoadAfter}; connected {Connected}/{Clients}; disable call {F(DisableMs, "0")} ms, disable+enable {F(OutageMs, "0")} ms; "
        + $"disconnects {Disconnects}, back {Back}, room members after {Members}; all back after {F(AllBackMs, "0")} ms; "
        + $"ws_reconnect_time {Distribution(ReconnectTime)}; reconnect handshakes {Distribution(Connecting)}; handshake failures {HandshakeFailed} (at most {MaxClientFailures} per client); "
        + $"bound {F(BoundMs, "0")} ms; tags {Failures}; lost {Lost} (frames sent while disconnected are not the probe's to see), duplicated {Duplicated}";
}
