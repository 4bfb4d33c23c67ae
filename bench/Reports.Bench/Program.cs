using System.Diagnostics;
using System.Globalization;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports;
using Harness.Reports.Model;

// Renders every output (results.json, history append, index.html, junit.xml, summary.md) for a one-hour run of
// one million samples: 3 probes x 2 phases, per-second points for every metric. Usage: dotnet run -c Release [samples]
var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
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
    if (p == 0) store.Add(new Sample(MetricNames.HttpReqFailed, random.NextDouble() < 0.01 ? 1 : 0, at, tags));
    else store.Add(new Sample(MetricNames.WsMsgsReceived, 1, at, tags));
}
var phases = new[] { new PhaseResult("baseline", start, start.AddSeconds(Seconds / 2), Seconds / 2 * 1000.0, []),
    new PhaseResult("degraded", start.AddSeconds(Seconds / 2), start.AddSeconds(Seconds), Seconds / 2 * 1000.0,
        [new ToxicResult("edge", "latency_downstream", "latency", "downstream", 1, new Dictionary<string, long> { ["latency"] = 200 })]) };
var half = TimeSpan.FromSeconds(Seconds / 2);
var probeResults = probes.Select(p => new ProbeResult(p, p == "api" ? "http" : "websocket", $"http://liveroom.test/{p}",
    store.Keys.Where(k => k.Probe == p).Select(k => k.Metric).Distinct().Select(m => new MetricResult(m, MetricNames.All[m].Kind.ToString().ToLowerInvariant(), MetricNames.All[m].Unit,
        store.Summarize(p, m, null, TimeSpan.FromSeconds(Seconds)),
        new Dictionary<string, MetricSummary> { ["baseline"] = store.Summarize(p, m, "baseline", half), ["degraded"] = store.Summarize(p, m, "degraded", half) },
        store.Timeline(p, m))).ToList())).ToList();
var results = new RunResults(RunResults.CurrentSchemaVersion, "bench", RunStatus.Passed, 0, new ScenarioInfo("bench", "one million samples", [], "bench.yaml", 42),
    start, start.AddSeconds(Seconds), "dotnet run", new EnvironmentInfo("bench", "linux", ".NET", "0", "embedded", "http://127.0.0.1/", null), [],
    [new ProxyResult("edge", "edge", "a", "b", ["liveroom.test"], null, [])], phases, probeResults,
    [new ThresholdResult("api", "http_req_duration p(95) < 300ms", "http_req_duration", null, "p(95)", "<", 300, 220, true, "holds")], [], []);

var directory = Directory.CreateTempSubdirectory("reports-bench-");
var root = Path.Combine(directory.FullName, "run");
GC.Collect();
var allocated = GC.GetTotalAllocatedBytes(precise: true);
var watch = Stopwatch.StartNew();
await ReportWriter.WriteAllAsync(results, root, Harness.Scenarios.Loading.Redactor.None, CancellationToken.None);
watch.Stop();
var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"samples {samples}: render all outputs {watch.Elapsed.TotalMilliseconds:0} ms, allocated {allocatedMb:0} MB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB (whole process, incl. generating samples)"));
foreach (var file in Directory.GetFiles(root)) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Path.GetFileName(file)}: {new FileInfo(file).Length / 1024.0:0} KB"));
directory.Delete(recursive: true);
