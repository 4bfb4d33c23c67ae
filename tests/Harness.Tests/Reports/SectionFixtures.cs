using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

/// <summary>
/// Probes of every kind with verdict-relevant details: a browser with a failing step, a short load run, a lossy WebSocket.
/// </summary>
internal static class SectionFixtures
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(20);

    public static MetricResult Metric(
        string name,
        MetricKind kind,
        double[] all,
        double[]? baseline = null,
        double[]? slow = null,
        IReadOnlyList<SecondPoint>? timeline = null
    ) =>
        new(
            name,
            kind.ToString().ToLowerInvariant(),
            MetricNames.All[name].Unit,
            MetricSummary.From(kind, all, Window),
            new Dictionary<string, MetricSummary>
            {
                ["baseline"] = MetricSummary.From(kind, baseline ?? all, TimeSpan.FromSeconds(10)),
                ["slow"] = MetricSummary.From(kind, slow ?? all, TimeSpan.FromSeconds(10)),
            },
            timeline
        );

    public static ProbeResult Browser(string url = "http://app.test/room/1") =>
        new(
            "join",
            "browser",
            url,
            [
                Metric(MetricNames.BrowserStepDuration, MetricKind.Trend, [100, 120, 5000]),
                Metric(MetricNames.Checks, MetricKind.Rate, [1, 1, 1, 1, 1, 0]),
            ]
        )
        {
            Iterations =
            [
                Iteration(1, true, null),
                Iteration(2, false, "Timeout 5000ms exceeded waiting for #connected"),
                Iteration(3, true, null),
            ],
        };

    private static IterationResult Iteration(int n, bool passed, string? error) =>
        new(
            "p1",
            n,
            ReportFixtures.Start.AddSeconds(n * 5),
            400,
            passed,
            error,
            [
                new StepResult(0, "goto", "goto /room/1", "passed", 300, null),
                new StepResult(1, "expect_visible", "expect_visible #connected", passed ? "passed" : "failed", passed ? 100 : 5000, error),
            ]
        );

    public static ProbeResult Load() =>
        new(
            "crowd",
            "load",
            "http://app.test/api",
            [
                Metric(MetricNames.Iterations, MetricKind.Counter, Enumerable.Repeat(1.0, 480).ToArray()),
                Metric(MetricNames.DroppedIterations, MetricKind.Counter, Enumerable.Repeat(1.0, 120).ToArray()),
            ]
        )
        {
            Load = new LoadPlanResult("constant-arrival-rate", 20_000, 30, 600, null, 50, null),
        };

    public static ProbeResult WebSocket() =>
        new(
            "room",
            "websocket",
            "http://app.test/ws/room/1",
            [
                Metric(MetricNames.WsMsgsReceived, MetricKind.Counter, Enumerable.Repeat(1.0, 1200).ToArray()),
                Metric(MetricNames.WsMsgsLost, MetricKind.Counter, [1, 1, 1]),
                Metric(MetricNames.WsMsgsDuplicated, MetricKind.Counter, [1]),
            ]
        );

    public static RunResults WithProbes(params ProbeResult[] probes) =>
        ReportFixtures.Results() is var r ? r with { Probes = [.. r.Probes, .. probes] } : null!;
}
