using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Health;

/// <summary>
/// Whether a failed threshold could be the harness's own doing when the harness was saturated. Timing-sensitive:
/// every metric measured in time (durations, latencies, lags), the throughput and pace counts a slow harness lowers
/// (requests, messages, iterations, dropped iterations), the outcomes a clock decides (abandoned link requests,
/// disconnects, clients not yet back, messages a slow reader lost), a threshold with no data, and a failure count
/// (<c>http_req_failed</c>, <c>checks</c>, handshake or request failures) when any of its failures in the threshold's
/// phase was a timeout or a cut-off. Everything else a saturated harness cannot cause: an HTTP status, a check whose
/// answer was wrong, a page error, a duplicated or reordered message, a number the target computed (record steps,
/// message fields); such a failure stays a failure.
/// </summary>
public static class TimingSensitivity
{
    /// <summary>The error classes a slow harness can produce: it gave up waiting, or the phase ended first.</summary>
    private static readonly HashSet<string> TimingClasses = new(StringComparer.Ordinal) { "timeout", "cut_off", ErrorLog.OtherClass };

    /// <summary>Metrics that count failed exchanges: judged by the classes of those failures.</summary>
    private static readonly HashSet<string> FailureCounts = new(StringComparer.Ordinal)
    {
        MetricNames.HttpReqFailed,
        MetricNames.Checks,
        MetricNames.WsHandshakeFailed,
        MetricNames.BrowserRequestsFailed,
    };

    /// <summary>Counts, rates and gauges that a harness falling behind its schedule changes.</summary>
    private static readonly HashSet<string> PaceMetrics = new(StringComparer.Ordinal)
    {
        MetricNames.HttpReqs,
        MetricNames.WsMsgsSent,
        MetricNames.WsMsgsReceived,
        MetricNames.WsMsgsLost,
        MetricNames.WsDisconnects,
        MetricNames.WsReconnects,
        MetricNames.WsDisconnected,
        MetricNames.WsNeverReconnected,
        MetricNames.Vus,
        MetricNames.Iterations,
        MetricNames.DroppedIterations,
        MetricNames.LinkConnections,
        MetricNames.LinkAbandoned,
        MetricNames.LinkReqAbandoned,
    };

    /// <summary>
    /// Why a saturated harness cannot explain the failure of <paramref name="threshold"/> ("status_500", "no timing"),
    /// or null when it can. <paramref name="errors"/> are the failures of the threshold's probe (empty when unknown).
    /// </summary>
    public static string? WhyNotTiming(ThresholdResult threshold, IReadOnlyList<ErrorTally> errors)
    {
        var metric = threshold.Metric;
        if (threshold.Observed is null)
            return null;
        if (metric.StartsWith("harness_", StringComparison.Ordinal) || PaceMetrics.Contains(metric))
            return null;
        if (MetricNames.All.TryGetValue(metric, out var info) && info.Unit == "ms")
            return null;
        if (!FailureCounts.Contains(metric))
            return "no timing";
        var classes = errors
            .Where(e => e.Metric == metric && CountIn(e, threshold.Phase) > 0)
            .Select(e => e.Class)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (classes.Count == 0 || classes.Any(TimingClasses.Contains))
            return null;
        return string.Join(", ", classes);
    }

    private static long CountIn(ErrorTally tally, string? phase) => phase is null ? tally.Count : tally.Phases.GetValueOrDefault(phase);
}
