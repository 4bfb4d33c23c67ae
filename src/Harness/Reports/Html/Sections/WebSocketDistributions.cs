using Harness.Probes.Abstractions;
using Harness.Reports.Analysis;
using Harness.Reports.Html.Charts;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>
/// One WebSocket probe beyond its totals: connected clients and messages per second over the run, how loss,
/// duplication, reordering and reconnects spread across clients, the reconnect-time distribution, and stream
/// messages the probe could not read (verbatim, as text).
/// </summary>
internal static class WebSocketDistributions
{
    public static HtmlNode Render(ProbeResult probe, RunResults results)
    {
        var connecting = KeyMetrics.Find(probe, MetricNames.WsConnecting);
        var received = KeyMetrics.Find(probe, MetricNames.WsMsgsReceived);
        return E(
            "article",
            [("class", "ws-probe")],
            E("h3", $"{probe.Name}: clients over time and across clients"),
            connecting is null
                ? null
                : Cls(
                    "figure",
                    "chart series",
                    SeriesChart.Render(
                        "connected clients",
                        "l-conn",
                        PerSecond.Connected(connecting, KeyMetrics.Find(probe, MetricNames.WsDisconnects), results),
                        results
                    )
                ),
            received is null
                ? null
                : Cls(
                    "figure",
                    "chart series",
                    SeriesChart.Render("messages received per second", "l-thr", PerSecond.Sums(received, results), results)
                ),
            Clients(probe.WebSocket),
            ReconnectTimes(probe),
            Unread(probe.WebSocket)
        );
    }

    private static HtmlNode? Clients(WebSocketDetails? details)
    {
        if (details is null || details.Clients.Count == 0)
            return null;
        var clients = details.Clients;
        (string Title, Func<WebSocketClientResult, long> Value)[] figures =
        [
            ("messages lost per client", c => c.Lost),
            ("duplicated per client", c => c.Duplicated),
            ("reordered per client", c => c.Reordered),
            ("reconnects per client", c => c.Reconnects),
        ];
        return E(
            "div",
            Cls(
                "p",
                "note",
                $"Per client, over the whole run ({ReportFormat.Integer(clients.Count)} clients). Bars: how many clients had that many; bucket widths double."
            ),
            Cls(
                "div",
                "histograms",
                figures
                    .Select(f =>
                        (HtmlNode)Cls(
                            "figure",
                            "histogram",
                            Histogram.Render(f.Title, Histogram.Count(clients.Select(f.Value))),
                            E("figcaption", Worst(clients, f.Title, f.Value))
                        )
                    )
                    .ToArray()
            )
        );
    }

    private static string Worst(IReadOnlyList<WebSocketClientResult> clients, string title, Func<WebSocketClientResult, long> value)
    {
        var affected = clients.Count(c => value(c) > 0);
        if (affected == 0)
            return "none in any client";
        var worst = clients.MaxBy(value)!;
        return $"{ReportFormat.Integer(affected)} of {ReportFormat.Integer(clients.Count)} clients; most: client {ReportFormat.Integer(worst.Client)} with {ReportFormat.Integer(value(worst))}";
    }

    private static HtmlNode? ReconnectTimes(ProbeResult probe)
    {
        var metric = KeyMetrics.Find(probe, MetricNames.WsReconnectTime);
        if (metric is null || metric.All.Samples == 0)
            return null;
        var rows = metric
            .Phases.Select(kv => (kv.Key, kv.Value))
            .Append(("all", metric.All))
            .Where(r => r.Item2.Samples > 0)
            .Select(r =>
                Tr(
                    r.Item1 == "all" ? "total" : null,
                    r.Item1,
                    ReportFormat.Integer(r.Item2.Samples),
                    ReportFormat.WithUnit(r.Item2.Min, "ms"),
                    ReportFormat.WithUnit(r.Item2.Med, "ms"),
                    ReportFormat.WithUnit(r.Item2.P90, "ms"),
                    ReportFormat.WithUnit(r.Item2.P95, "ms"),
                    ReportFormat.WithUnit(r.Item2.P99, "ms"),
                    ReportFormat.WithUnit(r.Item2.Max, "ms")
                )
            );
        return E(
            "div",
            E("h4", "Reconnect time (disconnect to the next open), by the phase the connection was lost in"),
            TableRows(["Phase", "Reconnects", "Min", "p50", "p90", "p95", "p99", "Max"], rows)
        );
    }

    private static HtmlNode? Unread(WebSocketDetails? details)
    {
        if (details is null || details.UnreadMessages == 0)
            return null;
        return E(
            "details",
            E(
                "summary",
                $"{ReportFormat.Integer(details.UnreadMessages)} stream messages could not be read (not JSON, or no sequence number); the first {ReportFormat.Integer(details.UnreadExamples.Count)}:"
            ),
            Cls("ul", "unread", details.UnreadExamples.Select(m => (HtmlNode)E("li", E("code", m))).ToArray())
        );
    }
}
