using System.Diagnostics;
using Harness.Probes.Abstractions;
using Harness.Probes.Bench.Infra;
using Harness.Probes.Http;
using Harness.Probes.Load;
using static Harness.Probes.Bench.Infra.Stats;

namespace Harness.Probes.Bench;

/// <summary>
/// http-rate: the load probe's constant-arrival-rate executor at R requests/s for D against a LiveRoom process,
/// then a bare HttpClient loop on the same schedule; alternating, so both see the same machine state.
/// Reports achieved rate, latency medians and this process's CPU time per request for each.
/// </summary>
internal static class HttpRateBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rate = args.Int("rate", 2000);
        var duration = TimeSpan.FromSeconds(args.Int("duration", 30));
        var runs = args.Int("runs", 5);
        var path = args.Value("path") ?? "healthz";
        using var room = await LiveRoomProcess.StartAsync(20).ConfigureAwait(false);
        var url = new Uri(room.BaseUri, path);
        Console.WriteLine(
            $"http-rate: {rate}/s for {duration.TotalSeconds} s against {url}, {runs} runs each of probe and bare loop (alternating), 5 s warm-up each"
        );

        await ProbeAsync(url, rate, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await BareAsync(url, rate, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var probe = new List<RateResult>();
        var bare = new List<RateResult>();
        for (var run = 1; run <= runs; run++)
        {
            probe.Add(await ProbeAsync(url, rate, duration).ConfigureAwait(false));
            Console.WriteLine($"run {run} probe: {probe[^1]}");
            bare.Add(await BareAsync(url, rate, duration).ConfigureAwait(false));
            Console.WriteLine($"run {run} bare:  {bare[^1]}");
        }
        Summarise("probe", probe);
        Summarise("bare", bare);
        var overheadUs = Median(probe.Select(r => r.CpuUsPerRequest)) - Median(bare.Select(r => r.CpuUsPerRequest));
        var latencyOverhead = Median(probe.Select(r => r.Latency.Percentile(50))) - Median(bare.Select(r => r.Latency.Percentile(50)));
        Console.WriteLine($"probe overhead per request: CPU {F(overheadUs, "0")} us, latency p50 {F(latencyOverhead, "0.000")} ms");
        var pass = probe.All(r => Math.Abs(r.Achieved - rate) <= rate * 0.02 && r.Failed == 0);
        Console.WriteLine(pass ? "verdict: PASS" : "verdict: FAIL");
        return pass ? 0 : 1;
    }

    private static void Summarise(string name, List<RateResult> results) =>
        Console.WriteLine(
            $"median {name}: achieved {F(Median(results.Select(r => r.Achieved)), "0.0")}/s, p50 {F(Median(results.Select(r => r.Latency.Percentile(50))), "0.000")} ms, "
                + $"p99 {F(Median(results.Select(r => r.Latency.Percentile(99))), "0.000")} ms, CPU {F(Median(results.Select(r => r.CpuUsPerRequest)), "0")} us/request"
        );

    private static async Task<RateResult> ProbeAsync(Uri url, int rate, TimeSpan duration)
    {
        var sink = new BenchSink();
        var probe = new LoadProbe(
            new LoadProbeOptions("rate", new ConstantArrivalRate(rate, TimeSpan.FromSeconds(1), duration, 100, 2000))
            {
                Http = new HttpProbeOptions("rate", url),
            }
        );
        var context = new ProbeContext(sink, new FixedPhase("steady"), TimeProvider.System, HostRoutes.None);
        return await MeasureAsync(rate, duration, async () =>
            {
                await probe.RunAsync(context, CancellationToken.None).ConfigureAwait(false);
                return (
                    (long)sink.Total(MetricNames.HttpReqs),
                    (long)sink.Snapshot(MetricNames.HttpReqFailed).Sum,
                    (long)sink.Total(MetricNames.DroppedIterations),
                    sink.Snapshot(MetricNames.HttpReqDuration)
                );
            })
            .ConfigureAwait(false);
    }

    private static async Task<RateResult> BareAsync(Uri url, int rate, TimeSpan duration) =>
        await MeasureAsync(rate, duration, async () =>
            {
                var (completed, failed, latency) = await BareHttpLoop.RunAsync(url, rate, duration).ConfigureAwait(false);
                return (completed, failed, 0L, latency);
            })
            .ConfigureAwait(false);

    private static async Task<RateResult> MeasureAsync(
        int rate,
        TimeSpan duration,
        Func<Task<(long Requests, long Failed, long Dropped, LogLinearHistogram Latency)>> run
    )
    {
        GC.Collect();
        var load = Machine.Load();
        var gcBefore = GC.CollectionCount(0);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var cpu = Machine.CpuTime();
        var started = Stopwatch.GetTimestamp();
        var (requests, failed, dropped, latency) = await run().ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(started);
        var cpuUsed = Machine.CpuTime() - cpu;
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        return new RateResult(
            load,
            requests,
            requests / duration.TotalSeconds,
            wall.TotalSeconds,
            failed,
            dropped,
            latency,
            cpuUsed.TotalMicroseconds / Math.Max(1, requests),
            allocated / (double)Math.Max(1, requests),
            GC.CollectionCount(0) - gcBefore,
            Machine.Load()
        );
    }
}

internal sealed record RateResult(
    string LoadBefore,
    long Requests,
    double Achieved,
    double WallSeconds,
    long Failed,
    long Dropped,
    LogLinearHistogram Latency,
    double CpuUsPerRequest,
    double BytesPerRequest,
    int Gen0,
    string LoadAfter
)
{
    public override string ToString() =>
        $"load {LoadBefore} -> {LoadAfter}; {Requests} requests, achieved {F(Achieved, "0.0")}/s (wall {F(WallSeconds, "0.00")} s), failed {Failed}, dropped {Dropped}; "
        + $"latency p50 {F(Latency.Percentile(50), "0.000")} / p90 {F(Latency.Percentile(90), "0.000")} / p99 {F(Latency.Percentile(99), "0.000")} / max {F(Latency.Max, "0.0")} ms; "
        + $"CPU {F(CpuUsPerRequest, "0")} us/request; allocated {F(BytesPerRequest / 1024, "0.0")} KiB/request; gen0 GCs {Gen0}";
}
