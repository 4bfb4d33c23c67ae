using Harness.Metrics;
using Harness.Reports.Analysis;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>Per probe, every metric per phase and over the run; the probe's main latency metric first.</summary>
internal sealed class PhaseStatsSection : IReportSection
{
    public HtmlNode? Render(ReportContext context) =>
        Section(
            "phases",
            "Per-phase statistics",
            Frag(
                context.Results.Probes.Select(p =>
                    (HtmlNode)E(
                        "article",
                        E("h3", $"{p.Name} ({p.Kind})"),
                        Cls("p", "url", p.Url),
                        TableRows(["Metric", "Phase", "Samples", "Count", "Rate", "Avg", "Med", "p95", "p99", "Max"], Rows(p))
                    )
                )
            )
        );

    private static IEnumerable<HtmlElement> Rows(ProbeResult probe)
    {
        var main = KeyMetrics.MainLatency(probe);
        foreach (var metric in probe.Metrics.OrderBy(m => m == main ? 0 : 1))
        {
            foreach (var (phase, summary) in metric.Phases)
                yield return Row(metric, phase, summary, null);
            yield return Row(metric, "all", metric.All, "total");
        }
    }

    private static HtmlElement Row(MetricResult metric, string phase, MetricSummary s, string? css) =>
        Tr(
            css,
            Cls("code", "metric", metric.Name),
            phase,
            ReportFormat.Integer(s.Samples),
            ReportFormat.Number(s.Count),
            ReportFormat.SummaryRate(s.Rate, metric.Kind),
            ReportFormat.InUnit(s.Avg, metric.Unit),
            ReportFormat.InUnit(s.Med, metric.Unit),
            ReportFormat.InUnit(s.P95, metric.Unit),
            ReportFormat.InUnit(s.P99, metric.Unit),
            ReportFormat.InUnit(s.Max, metric.Unit)
        );
}
