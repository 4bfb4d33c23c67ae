using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Reports.Analysis;

/// <summary>Which of a probe's metrics the reports lead with: its main latency, its failures and its throughput.</summary>
internal static class KeyMetrics
{
    private static readonly string[] LatencyPreference =
    [
        MetricNames.HttpReqDuration,
        MetricNames.WsRtt,
        MetricNames.WsFrameDelay,
        MetricNames.BrowserStepDuration,
        MetricNames.BrowserLoad,
        MetricNames.IterationDuration,
        MetricNames.WsConnecting,
    ];

    /// <summary>Metrics whose per-second value counts failures: rates count their non-zero events, counters their sum.</summary>
    private static readonly string[] FailureMetrics =
    [
        MetricNames.HttpReqFailed,
        MetricNames.WsHandshakeFailed,
        MetricNames.WsDisconnects,
        MetricNames.WsMsgsLost,
        MetricNames.BrowserRequestsFailed,
        MetricNames.BrowserPageErrors,
        MetricNames.BrowserConsoleErrors,
        MetricNames.DroppedIterations,
    ];

    private static readonly string[] ThroughputPreference = [MetricNames.WsMsgsReceived, MetricNames.HttpReqs, MetricNames.Iterations];

    public static MetricResult? MainLatency(ProbeResult probe) =>
        LatencyPreference.Select(name => Find(probe, name)).FirstOrDefault(m => m is not null && m.All.Samples > 0)
        ?? probe.Metrics.FirstOrDefault(m => m.Kind == "trend" && m.Unit == "ms" && m.All.Samples > 0);

    /// <summary>Navigation metrics of a browser probe, in the order the reports chart them and prefer them (load first).</summary>
    public static readonly string[] NavigationMetrics = [MetricNames.BrowserLoad, MetricNames.BrowserLcp, MetricNames.BrowserTtfb];

    /// <summary>A browser probe's page-load figure: the first navigation metric with samples, or null.</summary>
    public static MetricResult? Navigation(ProbeResult probe) =>
        NavigationMetrics.Select(name => Find(probe, name)).FirstOrDefault(m => m is not null && m.All.Samples > 0);

    public static IReadOnlyList<MetricResult> Failures(ProbeResult probe) =>
        FailureMetrics.Select(name => Find(probe, name)).OfType<MetricResult>().ToList();

    public static MetricResult? Throughput(ProbeResult probe) =>
        ThroughputPreference.Select(name => Find(probe, name)).FirstOrDefault(m => m is not null);

    public static MetricResult? Find(ProbeResult probe, string name) => probe.Metrics.FirstOrDefault(m => m.Name == name);

    /// <summary>How many failures a second holds: non-zero events of a rate, the sum of a counter.</summary>
    public static double FailuresIn(MetricResult metric, SecondPoint point) => metric.Kind == "rate" ? point.NonZero : point.Sum;

    /// <summary>The per-second value the comparison tests: the mean of a trend, the share of a rate, the total of a counter.</summary>
    public static double PerSecondValue(MetricResult metric, SecondPoint point) =>
        metric.Kind switch
        {
            "rate" => point.Count == 0 ? 0 : point.NonZero / (double)point.Count,
            "counter" => point.Sum,
            _ => point.Count == 0 ? 0 : point.Sum / point.Count,
        };

    /// <summary>What a latency metric measures on the wire: one-way downstream, or a full round trip (both directions).</summary>
    public static string Measures(string metric) => metric == MetricNames.WsFrameDelay ? "downstream" : "round trip";
}
