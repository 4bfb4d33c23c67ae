using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Analysis;
using Harness.Reports.Html.Charts;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>
/// Load probes: what the executor was asked for against what it achieved (rate or VUs, iterations, dropped
/// iterations), the latency percentiles, errors by kind, and active VUs over the run.
/// </summary>
internal sealed class LoadSection : IReportSection
{
    private static readonly string[] ErrorMetrics =
    [
        MetricNames.DroppedIterations,
        MetricNames.HttpReqFailed,
        MetricNames.WsHandshakeFailed,
        MetricNames.WsDisconnects,
        MetricNames.WsMsgsLost,
        MetricNames.Checks,
    ];

    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        var probes = r.Probes.Where(p => p.Kind == "load").ToList();
        if (probes.Count == 0)
            return null;
        return Section("load", "Load", probes.Select(p => (HtmlNode?)Probe(p, r)).ToArray());
    }

    private static HtmlNode Probe(ProbeResult probe, RunResults results)
    {
        var plan = probe.Load;
        var iterations = KeyMetrics.Find(probe, MetricNames.Iterations)?.All.Count ?? 0;
        var dropped = KeyMetrics.Find(probe, MetricNames.DroppedIterations)?.All.Count ?? 0;
        var vus = KeyMetrics.Find(probe, MetricNames.Vus);
        // Achieved over the time the executor was scheduled to start iterations (or the run, if it was cut short).
        var seconds = Math.Max(1e-9, Math.Min(plan?.DurationMs ?? results.DurationMs, results.DurationMs) / 1000);
        var latency = new[] { MetricNames.HttpReqDuration, MetricNames.WsConnecting, MetricNames.IterationDuration }
            .Select(name => KeyMetrics.Find(probe, name))
            .OfType<MetricResult>()
            .Where(m => m.All.Samples > 0);
        return E(
            "article",
            E("h3", $"{probe.Name} ({plan?.Executor ?? "load"})"),
            Cls("p", "url", probe.Url),
            Table(
                ["", "Target", "Achieved"],
                [
                    [
                        "Executor",
                        plan?.Executor ?? "unknown",
                        $"ran {ReportFormat.Seconds(seconds * 1000)}"
                            + (plan is null ? "" : $" of {ReportFormat.Seconds(plan.DurationMs)} planned"),
                    ],
                    [
                        "Iterations per second",
                        plan?.TargetRate is { } rate ? $"{ReportFormat.Number(rate)} (peak)" : "n/a (closed model: as fast as the VUs go)",
                        ReportFormat.Number(iterations / seconds),
                    ],
                    [
                        "Iterations",
                        plan?.PlannedIterations is { } planned ? ReportFormat.Number(Math.Round(planned))
                        : plan?.IterationLimit is { } limit ? $"at most {ReportFormat.Integer(limit)}"
                        : "",
                        ReportFormat.Number(iterations),
                    ],
                    ["Dropped iterations", "0", Cls("span", dropped > 0 ? "fail" : "pass", ReportFormat.Number(dropped))],
                    [
                        "VUs",
                        plan?.TargetVus is { } target ? $"{ReportFormat.Integer(target)} (peak)"
                        : plan?.MaxVus is { } max ? $"at most {ReportFormat.Integer(max)}"
                        : "",
                        vus is null ? "n/a" : $"peak {ReportFormat.Optional(vus.All.Max)}, average {ReportFormat.Optional(vus.All.Avg)}",
                    ],
                ]
            ),
            TableRows(
                ["Latency", "Samples", "p50", "p90", "p95", "p99", "Max"],
                latency.Select(m =>
                    Tr(
                        null,
                        Cls("code", "metric", m.Name),
                        ReportFormat.Integer(m.All.Samples),
                        ReportFormat.WithUnit(m.All.Med, m.Unit),
                        ReportFormat.WithUnit(m.All.P90, m.Unit),
                        ReportFormat.WithUnit(m.All.P95, m.Unit),
                        ReportFormat.WithUnit(m.All.P99, m.Unit),
                        ReportFormat.WithUnit(m.All.Max, m.Unit)
                    )
                )
            ),
            Errors(probe),
            vus is null
                ? null
                : Cls("figure", "chart series", SeriesChart.Render("active VUs", "l-conn", PerSecond.Gauge(vus, results), results))
        );
    }

    private static HtmlNode Errors(ProbeResult probe)
    {
        var rows = ErrorMetrics
            .Select(name => KeyMetrics.Find(probe, name))
            .OfType<MetricResult>()
            .Select(m => (Metric: m, Count: Failures(m), Of: m.All.Samples))
            .Where(e => e.Count > 0)
            .ToList();
        if (rows.Count == 0)
            return E("p", "No errors: no failed requests or handshakes, no lost connections or messages, no dropped iterations.");
        return TableRows(
            ["Errors by kind", "Count", "Share"],
            rows.Select(e =>
                Tr(
                    "failed",
                    Cls("code", "metric", e.Metric.Name),
                    ReportFormat.Number(e.Count),
                    e.Metric.Kind == "rate" && e.Of > 0 ? ReportFormat.Percent(e.Count / e.Of) : ""
                )
            )
        );
    }

    // checks is the one rate where a non-zero value is a success: its failures are the zeros.
    private static double Failures(MetricResult m) =>
        m.Kind != "rate" ? m.All.Count
        : m.Name == MetricNames.Checks ? m.All.Samples - m.All.Count
        : m.All.Count;
}
