using Harness.Reports.Analysis;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Charts;

/// <summary>
/// One probe's timeline as inline SVG: stacked panels (latency avg and max, failures per second, throughput per
/// second) over the run's time axis, phases shaded and labelled, events marked. Colours come from CSS classes so
/// the chart follows dark mode and prints.
/// </summary>
internal static class TimelineChart
{
    private const double Width = 960, Left = 58, Right = 12, Top = 18, PanelGap = 22, AxisBottom = 20;

    private sealed record Panel(string Title, string Unit, double Height, IReadOnlyList<(string Css, Func<ChartPoint, double?> Value)> Lines);

    public static HtmlNode Render(ProbeTimeline timeline, RunResults results)
    {
        var panels = Panels(timeline);
        var duration = Math.Max(1, results.DurationMs / 1000);
        var x = new Scale(0, duration, Left, Width - Right);
        var height = Top + panels.Sum(p => p.Height + PanelGap) - PanelGap + AxisBottom;
        var parts = new List<HtmlNode> { Phases(results, x, height) };
        var top = Top;
        foreach (var panel in panels)
        {
            parts.Add(Draw(panel, timeline.Points, x, top));
            top += panel.Height + PanelGap;
        }
        parts.Add(TimeAxis(x, height - AxisBottom, duration));
        parts.Add(Events(results, x, height - AxisBottom));
        var label = $"{timeline.Probe.Name}: {string.Join(", ", panels.Select(p => p.Title))} per second over {ReportFormat.Number(duration)} s";
        return E("figure", [("class", "chart")],
            E("svg", [("viewBox", $"0 0 {N(Width)} {N(height)}"), ("role", "img"), ("aria-label", label), ("class", "timeline")], parts.ToArray()),
            E("figcaption", Legend(timeline)));
    }

    private static List<Panel> Panels(ProbeTimeline t)
    {
        var panels = new List<Panel>();
        if (t.Latency is not null)
        {
            panels.Add(new Panel($"{t.Latency.Name} avg / max", t.Latency.Unit, 130, [("l-max", p => p.Max), ("l-avg", p => p.Avg)]));
        }
        if (t.Failures.Count > 0) panels.Add(new Panel("failures/s", "", 60, [("l-fail", p => p.Failures)]));
        if (t.Throughput is not null) panels.Add(new Panel($"{t.Throughput.Name}/s", "", 60, [("l-thr", p => p.Throughput)]));
        return panels;
    }

    private static HtmlNode Draw(Panel panel, IReadOnlyList<ChartPoint> points, Scale x, double top)
    {
        var max = Scale.NiceCeiling(points.SelectMany(p => panel.Lines.Select(l => l.Value(p) ?? 0)).DefaultIfEmpty(0).Max());
        var y = new Scale(0, max, top + panel.Height, top);
        var nodes = new List<HtmlNode>
        {
            E("rect", [("x", N(Left)), ("y", N(top)), ("width", N(Width - Left - Right)), ("height", N(panel.Height)), ("class", "frame")]),
            E("text", [("x", N(Left + 4)), ("y", N(top + 11)), ("class", "panel-title")], panel.Title),
        };
        foreach (var tick in new[] { 0, max / 2, max })
        {
            nodes.Add(E("line", [("x1", N(Left)), ("x2", N(Width - Right)), ("y1", N(y.Map(tick))), ("y2", N(y.Map(tick))), ("class", "grid")]));
            nodes.Add(E("text", [("x", N(Left - 4)), ("y", N(y.Map(tick) + 4)), ("class", "tick"), ("text-anchor", "end")],
                ReportFormat.WithUnit(tick, tick == 0 ? "" : panel.Unit)));
        }
        foreach (var (css, value) in panel.Lines)
        {
            foreach (var run in Runs(points, value))
            {
                nodes.Add(E("polyline", [("points", string.Join(' ', run.Select(p => $"{N(x.Map(p.Seconds))},{N(y.Map(value(p)!.Value))}"))), ("class", css)]));
            }
        }
        return E("g", nodes.ToArray());
    }

    /// <summary>Unbroken stretches of points that have a value: a second without samples leaves a gap, not a dip to zero.</summary>
    private static IEnumerable<List<ChartPoint>> Runs(IReadOnlyList<ChartPoint> points, Func<ChartPoint, double?> value)
    {
        var run = new List<ChartPoint>();
        foreach (var p in points)
        {
            if (value(p) is null)
            {
                if (run.Count > 0) yield return run;
                run = [];
                continue;
            }
            run.Add(p);
        }
        if (run.Count == 1) run.Add(run[0] with { Seconds = run[0].Seconds + 0.5 });
        if (run.Count > 0) yield return run;
    }

    internal static HtmlNode Phases(RunResults results, Scale x, double height)
    {
        var nodes = results.Phases.Select((phase, i) =>
        {
            var from = x.Map((phase.StartedAt - results.StartedAt).TotalSeconds);
            var to = x.Map((phase.EndedAt - results.StartedAt).TotalSeconds);
            var css = phase.Toxics.Count > 0 ? "phase impaired" : i % 2 == 0 ? "phase" : "phase alt";
            var description = phase.Toxics.Count == 0 ? "no phase toxics" : string.Join("; ", phase.Toxics.Select(ReportFormat.Toxic));
            return (HtmlNode)E("g",
                E("rect", [("x", N(from)), ("y", "0"), ("width", N(Math.Max(0, to - from))), ("height", N(height)), ("class", css)],
                    E("title", $"phase {phase.Name}: {ReportFormat.Seconds(phase.DurationMs)}, {description}")),
                E("text", [("x", N(from + 3)), ("y", "12"), ("class", "phase-label")], phase.Name));
        });
        return E("g", nodes.ToArray());
    }

    internal static HtmlNode Events(RunResults results, Scale x, double bottom) =>
        E("g", results.Events.Select((e, i) =>
        {
            var at = x.Map((e.FiredAt - results.StartedAt).TotalSeconds);
            return (HtmlNode)E("g", [("class", "event")],
                E("title", $"event {(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} in {e.Phase}: {e.Action} at {ReportFormat.Utc(e.FiredAt)}"),
                E("line", [("x1", N(at)), ("x2", N(at)), ("y1", N(Top)), ("y2", N(bottom)), ("class", "event-line")]),
                E("text", [("x", N(at)), ("y", N(Top - 2)), ("class", "event-mark"), ("text-anchor", "middle")], $"▼{(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        }).ToArray());

    internal static HtmlNode TimeAxis(Scale x, double y, double duration)
    {
        var step = Scale.NiceCeiling(duration / 8);
        var nodes = new List<HtmlNode>();
        for (var t = 0.0; t <= duration + 1e-9; t += step)
        {
            nodes.Add(E("text", [("x", N(x.Map(t))), ("y", N(y + 14)), ("class", "tick"), ("text-anchor", "middle")], $"{ReportFormat.Number(t)} s"));
        }
        return E("g", nodes.ToArray());
    }

    private static HtmlNode Legend(ProbeTimeline t) => Frag(
        t.Latency is null ? null : Frag(Swatch("l-avg", $"{t.Latency.Name} average"), Swatch("l-max", $"{t.Latency.Name} maximum")),
        t.Failures.Count == 0 ? null : Swatch("l-fail", $"failures/s ({string.Join(", ", t.Failures.Select(f => f.Name))})"),
        t.Throughput is null ? null : Swatch("l-thr", $"{t.Throughput.Name} per second"),
        Swatch("phase impaired", "phase with toxics"),
        Cls("span", "note", t.Points.Count >= Downsampler.DefaultLimit ? $"{t.Points.Count} points (seconds merged to fit)" : $"{t.Points.Count} points, one per second"));

    internal static HtmlNode Swatch(string css, string label) => Cls("span", "legend", Cls("i", $"sw {css}"), label);
}
