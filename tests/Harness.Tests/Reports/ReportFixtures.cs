using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

internal static class ReportFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static RunResults Results(string description = "demo run", string url = "http://app.test/api", bool failing = true) => new(
        RunResults.CurrentSchemaVersion, "20261122-080000-demo", failing ? RunStatus.Failed : RunStatus.Passed, failing ? 1 : 0,
        new ScenarioInfo("demo", description, ["smoke"], "/repo/scenarios/demo.yaml", 42),
        Start, Start.AddSeconds(20), "./harness run scenarios/demo.yaml",
        new EnvironmentInfo("ci", "Linux", ".NET 10", "1.0", "embedded", "http://127.0.0.1:1234/", "2.12.0"),
        [], [new ProxyResult("edge", "harness-x-edge", "127.0.0.1:4000", "127.0.0.1:5000", ["app.test"], null, [])],
        [new PhaseResult("baseline", Start, Start.AddSeconds(10), 10_000, []),
         new PhaseResult("slow", Start.AddSeconds(10), Start.AddSeconds(20), 10_000,
            [new ToxicResult("edge", "latency_downstream", "latency", "downstream", 1, new Dictionary<string, long> { ["latency"] = 300, ["jitter"] = 0 })])],
        [new ProbeResult("api", "http", url, [new MetricResult("http_req_duration", "trend", "ms",
            MetricSummary.From(MetricKind.Trend, [1, 2, 301, 302], TimeSpan.FromSeconds(20)),
            new Dictionary<string, MetricSummary>
            {
                ["baseline"] = MetricSummary.From(MetricKind.Trend, [1, 2], TimeSpan.FromSeconds(10)),
                ["slow"] = MetricSummary.From(MetricKind.Trend, [301, 302], TimeSpan.FromSeconds(10)),
            })])],
        [new ThresholdResult("api", "http_req_duration{phase:slow} p(95) < 250ms", "http_req_duration", "slow", "p(95)", "<", 250, 301.95, !failing, failing ? "violated" : "holds")],
        [],
        []);
}
