using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Reports.Analysis;

/// <summary>
/// How a WebSocket probe's crowd recovered from drops: drop episodes and the longest time until all who dropped
/// were back (ws_recovery_time), clients never back (ws_never_reconnected), the most away at once
/// (ws_disconnected) and failed handshakes. Null for a probe whose clients never dropped.
/// </summary>
internal sealed record RecoveryFigures(
    long Episodes,
    double? LongestMs,
    double? MedianMs,
    long NeverReconnected,
    double MostAway,
    long HandshakesFailed
)
{
    public static RecoveryFigures? For(ProbeResult probe)
    {
        var recovery = KeyMetrics.Find(probe, MetricNames.WsRecoveryTime);
        if (recovery is null || recovery.All.Samples == 0)
            return null;
        return new RecoveryFigures(
            recovery.All.Samples,
            recovery.All.Max,
            recovery.All.Med,
            (long)(KeyMetrics.Find(probe, MetricNames.WsNeverReconnected)?.All.Count ?? 0),
            KeyMetrics.Find(probe, MetricNames.WsDisconnected)?.All.Max ?? 0,
            (long)(KeyMetrics.Find(probe, MetricNames.WsHandshakeFailed)?.All.Count ?? 0)
        );
    }

    /// <summary>Milliseconds as seconds with one decimal ("24.9 s"), or n/a.</summary>
    public static string Seconds(double? ms) =>
        ms is null ? "n/a" : (ms.Value / 1000).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>One line for summary.md and the HTML section.</summary>
    public string Describe() =>
        $"{ReportFormat.Integer(Episodes)} drop episode{(Episodes == 1 ? "" : "s")}, longest recovery {Seconds(LongestMs)}"
        + $"{(NeverReconnected > 0 ? " (until the run's end)" : "")}; {ReportFormat.Integer(NeverReconnected)} never reconnected; "
        + $"at most {ReportFormat.Number(MostAway)} away at once; {ReportFormat.Integer(HandshakesFailed)} failed handshakes";
}
