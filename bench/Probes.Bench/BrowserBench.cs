using System.Diagnostics;
using Harness.Impairment.Server;
using Harness.Probes.Abstractions;
using Harness.Probes.Bench.Infra;
using Harness.Probes.Browser;
using LiveRoom;
using static Harness.Probes.Bench.Infra.Stats;

namespace Harness.Probes.Bench;

/// <summary>
/// browser: (1) a fresh BrowserPool and BrowserProbe per run, one goto of /room/1 through the embedded proxy:
/// the time from RunAsync's start to its end is Playwright driver start + Chromium launch + context + first
/// navigation (to the load event) + context close. (2) four participants in one browser joining room 1.
/// </summary>
internal static class BrowserBench
{
    private const string Host = "liveroom.test";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var runs = args.Int("runs", 7);
        var chromium = args.Value("chromium") ?? "/usr/bin/chromium";
        await using var server = await LiveRoomServer.StartAsync().ConfigureAwait(false);
        await using var proxy = await EmbeddedToxiproxy.StartAsync(new ToxiproxyServerOptions { Port = 0 }).ConfigureAwait(false);
        var listen = await CrowdSetup.CreateProxyAsync(proxy.ApiAddress, server.BaseUri).ConfigureAwait(false);
        var routes = new HostRoutes([new KeyValuePair<string, System.Net.IPEndPoint>(Host, listen)]);
        Console.WriteLine($"browser: {chromium}, LiveRoom in-process behind the embedded proxy as http://{Host}/, {runs} runs each");

        var launch = new List<double>();
        var navigation = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var (total, gotoMs, closeMs, passed) = await LaunchAndNavigateAsync(chromium, routes).ConfigureAwait(false);
            launch.Add(total);
            navigation.Add(gotoMs);
            Console.WriteLine(
                $"launch run {run}: {(passed ? "passed" : "FAILED")} load {Machine.Load()}; launch + first navigation {F(total, "0")} ms "
                    + $"(goto step {F(gotoMs, "0")} ms), browser close {F(closeMs, "0")} ms"
            );
        }
        var p50 = Median(launch);
        Console.WriteLine(
            $"median launch + first navigation {F(p50, "0")} ms (goto step {F(Median(navigation), "0")} ms); target < 2000 ms: {(p50 < 2000 ? "PASS" : "FAIL")}"
        );

        var group = new List<double>();
        var allPassed = true;
        for (var run = 1; run <= Math.Min(runs, 5); run++)
        {
            var (total, line, passed) = await FourParticipantsAsync(chromium, routes).ConfigureAwait(false);
            group.Add(total);
            allPassed &= passed;
            Console.WriteLine($"four run {run}: {(passed ? "passed" : "FAILED")} load {Machine.Load()}; {line}");
        }
        Console.WriteLine(
            $"median four participants (launch + 4 contexts + goto + #connected + 3 s in room) {F(Median(group), "0")} ms; all passed: {allPassed}"
        );
        return p50 < 2000 && allPassed ? 0 : 1;
    }

    private static BrowserProbeOptions Options(string chromium, params BrowserStep[] steps) =>
        new("browser", new Uri($"http://{Host}/"))
        {
            Steps = steps,
            Browser = new BrowserSettings { ExecutablePath = chromium },
            StepTimeout = TimeSpan.FromSeconds(20),
        };

    private static async Task<(double TotalMs, double GotoMs, double CloseMs, bool Passed)> LaunchAndNavigateAsync(
        string chromium,
        HostRoutes routes
    )
    {
        var sink = new BenchSink();
        var context = new ProbeContext(sink, new FixedPhase("launch"), TimeProvider.System, routes);
        var pool = new BrowserPool();
        var probe = new BrowserProbe(Options(chromium, new GotoStep("/room/1")), pool);
        var started = Stopwatch.GetTimestamp();
        await probe.RunAsync(context, CancellationToken.None).ConfigureAwait(false);
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var closing = Stopwatch.GetTimestamp();
        await pool.DisposeAsync().ConfigureAwait(false);
        var close = Stopwatch.GetElapsedTime(closing).TotalMilliseconds;
        var iteration = probe.Report.Iterations.Single();
        return (total, iteration.Steps[0].Duration.TotalMilliseconds, close, iteration.Passed);
    }

    private static async Task<(double TotalMs, string Line, bool Passed)> FourParticipantsAsync(string chromium, HostRoutes routes)
    {
        var sink = new BenchSink();
        var context = new ProbeContext(sink, new FixedPhase("room"), TimeProvider.System, routes);
        await using var pool = new BrowserPool();
        var options = Options(
            chromium,
            new GotoStep("/room/1"),
            new ExpectVisibleStep("#connected"),
            new WaitStep(TimeSpan.FromSeconds(3))
        ) with
        {
            Participants = [new BrowserParticipant("student") { Count = 4 }],
        };
        var probe = new BrowserProbe(options, pool);
        var started = Stopwatch.GetTimestamp();
        await probe.RunAsync(context, CancellationToken.None).ConfigureAwait(false);
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var iterations = probe.Report.Iterations;
        var gotos = iterations.Select(i => i.Steps[0].Duration.TotalMilliseconds).ToArray();
        var connected = iterations.Select(i => i.Steps[1].Duration.TotalMilliseconds).ToArray();
        var frames = iterations.Select(i => i.WebSockets.FramesReceived).ToArray();
        var passed = iterations.Count == 4 && iterations.All(i => i.Passed) && pool.Launches == 1;
        var line =
            $"{iterations.Count} participants, browser launches {pool.Launches}; total {F(total, "0")} ms; goto {string.Join('/', gotos.Select(g => F(g, "0")))} ms; "
            + $"#connected {string.Join('/', connected.Select(c => F(c, "0")))} ms; page frames received {string.Join('/', frames)}; "
            + $"browser_load {Distribution(sink.Snapshot(MetricNames.BrowserLoad))}";
        return (total, line, passed);
    }
}
