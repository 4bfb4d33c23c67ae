using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports;
using Harness.Reports.Model;
using Harness.TestSupport;

namespace Harness.Tests.Reports;

internal static class ReportFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static string GoldenDirectory => Path.Combine(RepositoryPaths.Root, "tests", "Harness.Tests", "Reports", "Golden");

    /// <summary>
    /// A real results.json of <c>./harness run scenarios/smoke.yaml</c> (two phases, HTTP and two WebSocket probes, all passing).
    /// </summary>
    public static RunResults Smoke() => ResultsJson.Load(Path.Combine(GoldenDirectory, "smoke-results.json"));

    public static RunResults Results(
        string description = "demo run",
        string url = "http://app.test/api",
        bool failing = true,
        string thresholdText = "http_req_duration{phase:slow} p(95) < 250ms",
        string? error = null
    ) =>
        new(
            RunResults.CurrentSchemaVersion,
            "20261122-080000-demo",
            failing ? RunStatus.Failed : RunStatus.Passed,
            failing ? 1 : 0,
            new ScenarioInfo("demo", description, ["smoke"], "/repo/scenarios/demo.yaml", 42, "name: demo\n"),
            Start,
            Start.AddSeconds(20),
            "./harness run scenarios/demo.yaml",
            new EnvironmentInfo("ci", "Linux", ".NET 10", "1.0", "embedded", "http://127.0.0.1:1234/", "2.12.0"),
            [new ServiceResult("app", ["dotnet", "app.dll"], 5000, 120.5, 0, "artifacts/service-app.log")],
            [new ProxyResult("edge", "harness-x-edge", "127.0.0.1:4000", "127.0.0.1:5000", ["app.test"], null, [])],
            [
                new PhaseResult("baseline", Start, Start.AddSeconds(10), 10_000, []),
                new PhaseResult(
                    "slow",
                    Start.AddSeconds(10),
                    Start.AddSeconds(20),
                    10_000,
                    [
                        new ToxicResult(
                            "edge",
                            "latency_downstream",
                            "latency",
                            "downstream",
                            1,
                            new Dictionary<string, long> { ["latency"] = 300, ["jitter"] = 0 }
                        ),
                    ]
                ),
            ],
            [
                new ProbeResult(
                    "api",
                    "http",
                    url,
                    [
                        new MetricResult(
                            "http_req_duration",
                            "trend",
                            "ms",
                            MetricSummary.From(MetricKind.Trend, [1, 2, 301, 302], TimeSpan.FromSeconds(20)),
                            new Dictionary<string, MetricSummary>
                            {
                                ["baseline"] = MetricSummary.From(MetricKind.Trend, [1, 2], TimeSpan.FromSeconds(10)),
                                ["slow"] = MetricSummary.From(MetricKind.Trend, [301, 302], TimeSpan.FromSeconds(10)),
                            },
                            Enumerable
                                .Range(0, 20)
                                .Select(i => new SecondPoint(Start.ToUnixTimeSeconds() + i, 2, i < 10 ? 3 : 603, i < 10 ? 2 : 302, 2))
                                .ToList()
                        ),
                    ]
                )
                {
                    Artifacts = [new ArtifactResult("screenshot", "artifacts/join-1.png", "p1", 1, 2)],
                    Messages = [new MessageResult("console", "p1", 1, Start.AddSeconds(3), "hello", "app.js:1")],
                    Iterations =
                    [
                        new IterationResult("p1", 1, Start, 1200, true, null, [new StepResult(1, "goto", "goto /", "passed", 300, null)]),
                    ],
                },
            ],
            [
                new ThresholdResult(
                    "api",
                    thresholdText,
                    "http_req_duration",
                    "slow",
                    "p(95)",
                    "<",
                    250,
                    301.95,
                    !failing,
                    failing ? "violated" : "holds"
                ),
            ],
            [new EventResult("slow", 2000, "reset_connections: edge", Start.AddSeconds(12))],
            error is null ? [] : [error]
        );

    /// <summary>
    /// The same run with every latency of every trend in milliseconds shifted by <paramref name="extraMs"/> (summaries and per-second
    /// points).
    /// </summary>
    public static RunResults WithExtraLatency(RunResults results, double extraMs, string runId = "candidate") =>
        results with
        {
            RunId = runId,
            Probes = results
                .Probes.Select(p =>
                    p with
                    {
                        Metrics = p
                            .Metrics.Select(m =>
                                m.Kind != "trend" || m.Unit != "ms"
                                    ? m
                                    : m with
                                    {
                                        All = Shift(m.All, extraMs),
                                        Phases = m.Phases.ToDictionary(kv => kv.Key, kv => Shift(kv.Value, extraMs)),
                                        Timeline = m
                                            .Timeline?.Select(s => s with { Sum = s.Sum + extraMs * s.Count, Max = s.Max + extraMs })
                                            .ToList(),
                                    }
                            )
                            .ToList(),
                    }
                )
                .ToList(),
        };

    private static MetricSummary Shift(MetricSummary s, double extra) =>
        s.Samples == 0
            ? s
            : s with
            {
                Min = s.Min + extra,
                Max = s.Max + extra,
                Avg = s.Avg + extra,
                Med = s.Med + extra,
                P90 = s.P90 + extra,
                P95 = s.P95 + extra,
                P99 = s.P99 + extra,
            };
}
