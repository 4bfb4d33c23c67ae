using Harness.Reports.Analysis;
using Harness.Reports.Html.Charts;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>Per probe: a timeline chart with phases shaded and events marked; then the phases and events as tables.</summary>
internal sealed class TimelineSection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        var charts = r.Probes.Select(p => ProbeTimeline.Build(p, r.StartedAt)).Where(t => t.Points.Count > 0)
            .Select(t => (HtmlNode)E("article", [("class", "probe-chart")], E("h3", $"{t.Probe.Name} ({t.Probe.Kind})"), Cls("p", "url", t.Probe.Url), TimelineChart.Render(t, r)))
            .ToArray();
        return Section("timeline", "Timeline",
            Table(["Phase", "Started", "Planned", "Actual", "Impairment"], r.Phases.Select(p => new HtmlNode[]
            {
                p.Name, $"+{ReportFormat.Seconds((p.StartedAt - r.StartedAt).TotalMilliseconds)}", ReportFormat.Seconds(p.PlannedMs), ReportFormat.Seconds(p.DurationMs),
                p.Toxics.Count == 0 ? "none" : string.Join("; ", p.Toxics.Select(ReportFormat.Toxic)),
            })),
            r.Events.Count == 0 ? null : Table(["#", "Event", "Phase", "Planned at", "Fired"], r.Events.Select((e, i) => new HtmlNode[]
            {
                ReportFormat.Integer(i + 1), e.Action, e.Phase, $"+{ReportFormat.Seconds(e.AtMs)} in phase", $"+{ReportFormat.Seconds((e.FiredAt - r.StartedAt).TotalMilliseconds)}",
            })),
            charts.Length == 0 ? E("p", "No per-second points were recorded.") : Frag(charts));
    }
}
