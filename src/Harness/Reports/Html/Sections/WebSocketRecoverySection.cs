using Harness.Probes.Abstractions;
using Harness.Reports.Analysis;
using Harness.Reports.Html.Charts;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>
/// Recovery of WebSocket crowds after drops: per probe whose clients dropped, the episodes and their recovery time,
/// the clients that never came back, and clients away (ws_disconnected) over the run.
/// </summary>
internal sealed class WebSocketRecoverySection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        var probes = r
            .Probes.Where(p => p.Kind == "websocket")
            .Select(p => (Probe: p, Figures: RecoveryFigures.For(p)))
            .Where(x => x.Figures is not null)
            .ToList();
        if (probes.Count == 0)
            return null;
        return Section(
            "ws-recovery",
            "WebSocket recovery",
            E(
                "p",
                "A drop episode starts when a connected client loses its connection while all are connected and ends when every "
                    + "client that dropped is back; clients still away when the run ends never reconnected, and their episode ends there."
            ),
            TableRows(
                ["Probe", "Episodes", "Recovery med", "Recovery max", "Never reconnected", "Most away at once", "Failed handshakes"],
                probes.Select(x =>
                    Tr(
                        x.Figures!.NeverReconnected > 0 ? "failed" : null,
                        x.Probe.Name,
                        ReportFormat.Integer(x.Figures.Episodes),
                        RecoveryFigures.Seconds(x.Figures.MedianMs),
                        RecoveryFigures.Seconds(x.Figures.LongestMs),
                        ReportFormat.Integer(x.Figures.NeverReconnected),
                        ReportFormat.Number(x.Figures.MostAway),
                        ReportFormat.Integer(x.Figures.HandshakesFailed)
                    )
                )
            ),
            Frag(
                probes.Select(x =>
                    (HtmlNode)Cls(
                        "figure",
                        "chart series",
                        SeriesChart.Render(
                            $"{x.Probe.Name}: clients away (ws_disconnected)",
                            "l-conn",
                            PerSecond.Gauge(KeyMetrics.Find(x.Probe, MetricNames.WsDisconnected), r),
                            r
                        )
                    )
                )
            )
        );
    }
}
