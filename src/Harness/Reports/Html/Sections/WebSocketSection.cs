using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Analysis;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>WebSocket delivery per probe and phase: messages, loss, duplication, reordering, disconnects and reconnects.</summary>
internal sealed class WebSocketSection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        var probes = r.Probes.Where(p => p.Kind == "websocket").ToList();
        if (probes.Count == 0)
            return null;
        var phases = PhaseWindows.Names(r.Phases).Append("all").ToList();
        return Section(
            "websocket",
            "WebSocket delivery",
            E(
                "p",
                "Lost, duplicated and reordered count stream messages by their sequence numbers; loss % = lost / (received + lost). "
                    + "A metric the probe never recorded shows as 0 when the probe ran."
            ),
            TableRows(
                [
                    "Probe",
                    "Phase",
                    "Sent",
                    "Received",
                    "Lost",
                    "Loss %",
                    "Duplicated",
                    "Reordered",
                    "Disconnects",
                    "Reconnects",
                    "Reconnect p50 / p95",
                    "Frame delay p95",
                ],
                probes.SelectMany(p => phases.Select(phase => Row(p, phase)))
            ),
            Frag(probes.Select(p => WebSocketDistributions.Render(p, r)))
        );
    }

    private static HtmlElement Row(ProbeResult probe, string phase)
    {
        double Count(string metric) => Summary(probe, metric, phase)?.Count ?? 0;
        var received = Count(MetricNames.WsMsgsReceived);
        var lost = Count(MetricNames.WsMsgsLost);
        var reconnect = Summary(probe, MetricNames.WsReconnectTime, phase);
        var delay = Summary(probe, MetricNames.WsFrameDelay, phase);
        return Tr(
            phase == "all" ? "total"
                : lost > 0 ? "failed"
                : null,
            probe.Name,
            phase,
            ReportFormat.Number(Count(MetricNames.WsMsgsSent)),
            ReportFormat.Number(received),
            ReportFormat.Number(lost),
            received + lost == 0 ? "n/a" : ReportFormat.Percent(lost / (received + lost)),
            ReportFormat.Number(Count(MetricNames.WsMsgsDuplicated)),
            ReportFormat.Number(Count(MetricNames.WsMsgsReordered)),
            ReportFormat.Number(Count(MetricNames.WsDisconnects)),
            ReportFormat.Number(Count(MetricNames.WsReconnects)),
            reconnect?.Med is null ? "n/a" : $"{ReportFormat.WithUnit(reconnect.Med, "ms")} / {ReportFormat.WithUnit(reconnect.P95, "ms")}",
            ReportFormat.WithUnit(delay?.P95, "ms")
        );
    }

    private static MetricSummary? Summary(ProbeResult probe, string metric, string phase)
    {
        var m = KeyMetrics.Find(probe, metric);
        return m is null ? null
            : phase == "all" ? m.All
            : m.Phases.GetValueOrDefault(phase);
    }
}
