using System.Diagnostics;
using System.Globalization;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports;
using Harness.Reports.Model;

// Renders every output (results.json, history append, index.html, junit.xml, summary.md) for a one-hour run of
// one million samples: 3 probes x 2 phases, per-second points for every metric, 1,000 WebSocket clients' totals.
// Each run is a fresh child process, so its peak working set is its own; the parent prints every run and the medians.
// Usage: dotnet run -c Release --project bench/Reports.Bench [-- samples [runs]]   (defaults: 1000000 5)
if (args is ["--once", var count])
{
    await RenderOnceAsync(int.Parse(count, CultureInfo.InvariantCulture));
    return;
}
var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var figures = new List<Dictionary<string, double>>();
for (var i = 0; i < runs; i++)
{
    var child = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    // Under `dotnet Reports.Bench.dll` the process is dotnet itself and needs the dll; the apphost does not.
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        child.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
    child.ArgumentList.Add("--once");
    child.ArgumentList.Add(samples.ToString(CultureInfo.InvariantCulture));
    using var process = Process.Start(child)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"run {i + 1} failed: {output}");
    var line = output.Split('\n').Single(l => l.StartsWith("figures ", StringComparison.Ordinal));
    figures.Add(
        line["figures ".Length..]
            .Split(' ')
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture))
    );
    Console.WriteLine($"run {i + 1}: {line["figures ".Length..]}");
}
double Median(string key)
{
    var values = figures.Select(f => f[key]).Order().ToArray();
    return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
}
Console.WriteLine(
    string.Create(
        CultureInfo.InvariantCulture,
        $"median of {runs} runs, {samples} samples: render all outputs {Median("render_ms"):0} ms ({Median("render_ms") / 5000:0.000} of the 5 s budget), "
            + $"peak working set {Median("peak_mb"):0} MB ({Median("peak_mb") / 500:0.000} of the 500 MB budget), allocated while rendering {Median("allocated_mb"):0} MB, "
            + $"index.html {Median("index_kb"):0} KB, results.json {Median("results_kb"):0} KB"
    )
);

static async Task RenderOnceAsync(int samples)
{
    var start = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    const int Seconds = 3600;
    var store = new MetricStore();
    var random = new Random(42);
    string[] probes = ["api", "room", "echo"];
    string[] latency = [MetricNames.HttpReqDuration, MetricNames.WsFrameDelay, MetricNames.WsRtt];
    for (var i = 0; i < samples; i++)
    {
        var p = i % 3;
        var at = start.AddSeconds(i * (double)Seconds / samples);
        var phase = at < start.AddSeconds(Seconds / 2) ? "baseline" : "degraded";
        var tags = new SampleTags(probes[p], phase);
        store.Add(new Sample(latency[p], (phase == "baseline" ? 5 : 205) + random.NextDouble() * 20, at, tags));
        if (p == 0)
            store.Add(new Sample(MetricNames.HttpReqFailed, random.NextDouble() < 0.01 ? 1 : 0, at, tags));
        else
            store.Add(new Sample(MetricNames.WsMsgsReceived, 1, at, tags));
    }
    var phases = new[]
    {
        new PhaseResult("baseline", start, start.AddSeconds(Seconds / 2), Seconds / 2 * 1000.0, []),
        new PhaseResult(
            "degraded",
            start.AddSeconds(Seconds / 2),
            start.AddSeconds(Seconds),
            Seconds / 2 * 1000.0,
            [new ToxicResult("edge", "latency_downstream", "latency", "downstream", 1, new Dictionary<string, long> { ["latency"] = 200 })]
        ),
    };
    var half = TimeSpan.FromSeconds(Seconds / 2);
    var clients = new WebSocketDetails(
        Enumerable
            .Range(0, 1000)
            .Select(c => new WebSocketClientResult(
                c,
                300 + random.Next(50),
                random.Next(0, 8),
                random.Next(0, 2),
                random.Next(0, 4),
                random.Next(0, 3),
                random.Next(0, 3)
            ))
            .ToList(),
        0,
        []
    );
    var probeResults = probes
        .Select(p => new ProbeResult(
            p,
            p == "api" ? "http" : "websocket",
            $"http://liveroom.test/{p}",
            store
                .Keys.Where(k => k.Probe == p)
                .Select(k => k.Metric)
                .Distinct()
                .Select(m => new MetricResult(
                    m,
                    MetricNames.All[m].Kind.ToString().ToLowerInvariant(),
                    MetricNames.All[m].Unit,
                    store.Summarize(p, m, null, TimeSpan.FromSeconds(Seconds)),
                    new Dictionary<string, MetricSummary>
                    {
                        ["baseline"] = store.Summarize(p, m, "baseline", half),
                        ["degraded"] = store.Summarize(p, m, "degraded", half),
                    },
                    store.Timeline(p, m)
                ))
                .ToList()
        )
        {
            WebSocket = p == "room" ? clients : null,
        })
        .ToList();
    var results = new RunResults(
        RunResults.CurrentSchemaVersion,
        "bench",
        RunStatus.Passed,
        0,
        new ScenarioInfo("bench", "one million samples", [], "bench.yaml", 42),
        start,
        start.AddSeconds(Seconds),
        "dotnet run",
        new EnvironmentInfo("bench", "linux", ".NET", "0", "embedded", "http://127.0.0.1/", null),
        [],
        [new ProxyResult("edge", "edge", "a", "b", ["liveroom.test"], null, [])],
        phases,
        probeResults,
        [new ThresholdResult("api", "http_req_duration p(95) < 300ms", "http_req_duration", null, "p(95)", "<", 300, 220, true, "holds")],
        [],
        []
    );

    var directory = Directory.CreateTempSubdirectory("reports-bench-");
    var root = Path.Combine(directory.FullName, "run");
    GC.Collect();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    await ReportWriter.WriteAllAsync(results, root, Harness.Scenarios.Loading.Redactor.None, CancellationToken.None);
    watch.Stop();
    var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
    double Kb(string file) => new FileInfo(Path.Combine(root, file)).Length / 1024.0;
    Console.WriteLine(
        string.Create(
            CultureInfo.InvariantCulture,
            $"figures render_ms={watch.Elapsed.TotalMilliseconds:0} allocated_mb={allocatedMb:0} peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} index_kb={Kb("index.html"):0} results_kb={Kb("results.json"):0}"
        )
    );
    directory.Delete(recursive: true);
}
