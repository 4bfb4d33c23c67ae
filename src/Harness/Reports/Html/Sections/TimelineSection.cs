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
        var charts = r.Probes.Select(p => Chart(p, r)).OfType<HtmlNode>().ToArray();
        return Section(
            "timeline",
            "Timeline",
            Table(
                ["Phase", "Started", "Planned", "Actual", "Impairment"],
                r.Phases.Select(p =>
                    new HtmlNode[]
                    {
                        p.Name,
                        $"+{ReportFormat.Seconds((p.StartedAt - r.StartedAt).TotalMilliseconds)}",
                        ReportFormat.Seconds(p.PlannedMs),
                        ReportFormat.Seconds(p.DurationMs),
                        p.Toxics.Count == 0 ? "none" : string.Join("; ", p.Toxics.Select(ReportFormat.Toxic)),
                    }
                )
            ),
            r.Events.Count == 0
                ? null
                : Table(
                    ["#", "Event", "Phase", "Planned at", "Fired"],
                    r.Events.Select(
                        (e, i) =>
                            new HtmlNode[]
                            {
                                ReportFormat.Integer(i + 1),
                                e.Action,
                                e.Phase,
                                $"+{ReportFormat.Seconds(e.AtMs)} in phase",
                                $"+{ReportFormat.Seconds((e.FiredAt - r.StartedAt).TotalMilliseconds)}",
                            }
                    )
                ),
            charts.Length == 0 ? E("p", "No per-second points were recorded.") : Frag(charts)
        );
    }

    /// <summary>
    /// A browser probe charts navigation apart from step durations (<see cref="BrowserTimeline"/>), the others their key metrics.
    /// </summary>
    private static HtmlNode? Chart(Harness.Reports.Model.ProbeResult probe, Harness.Reports.Model.RunResults r)
    {
        HtmlNode? chart;
        if (probe.Kind == "browser")
        {
            var browser = BrowserTimeline.Build(probe, r.StartedAt);
            chart = browser.Panels.Count == 0 ? null : PanelChart.Render(probe.Name, browser.Panels, browser.PointCount, r);
        }
        else
        {
            var timeline = ProbeTimeline.Build(probe, r.StartedAt);
            chart = timeline.Points.Count == 0 ? null : TimelineChart.Render(timeline, r);
        }
        return chart is null
            ? null
            : E("article", [("class", "probe-chart")], E("h3", $"{probe.Name} ({probe.Kind})"), Cls("p", "url", probe.Url), chart);
    }
}
