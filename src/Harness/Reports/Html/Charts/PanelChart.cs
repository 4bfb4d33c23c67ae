using Harness.Reports.Analysis;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Charts;

/// <summary>
/// Stacked panels of named lines over the run's time axis, phases shaded and events marked. Browser probes chart
/// their panels directly; <see cref="TimelineChart"/> builds the other probes' panels and draws them here.
/// </summary>
internal static class PanelChart
{
    private const double Width = 960,
        Left = 58,
        Right = 12,
        Top = 18,
        PanelGap = 22,
        AxisBottom = 20;

    public static HtmlNode Render(string probe, IReadOnlyList<ChartPanel> panels, int points, RunResults results)
    {
        var duration = Math.Max(1, results.DurationMs / 1000);
        var label = $"{probe}: {string.Join(", ", panels.Select(p => p.Title))} over {ReportFormat.Number(duration)} s";
        var legend = panels
            .SelectMany(p => p.Lines.Select(l => TimelineChart.Swatch(l.Css, $"{l.Name} ({(p.Unit is "" ? "/s" : p.Unit)})")))
            .Append(TimelineChart.Swatch("phase impaired", "phase with toxics"));
        var note = points >= Downsampler.DefaultLimit ? $"{points} points (seconds merged to fit)" : $"{points} points, one per second";
        return Figure(panels, label, Frag(Frag(legend.ToArray()), Cls("span", "note", note)), results);
    }

    /// <summary>The chart itself: phases shaded, the panels stacked over one time axis, events marked, then the caption.</summary>
    internal static HtmlNode Figure(IReadOnlyList<ChartPanel> panels, string label, HtmlNode caption, RunResults results)
    {
        var duration = Math.Max(1, results.DurationMs / 1000);
        var x = new Scale(0, duration, Left, Width - Right);
        var height = Top + panels.Sum(p => p.Height + PanelGap) - PanelGap + AxisBottom;
        var parts = new List<HtmlNode> { TimelineChart.Phases(results, x, height) };
        var top = Top;
        foreach (var panel in panels)
        {
            parts.Add(Draw(panel, x, top));
            top += panel.Height + PanelGap;
        }
        parts.Add(TimelineChart.TimeAxis(x, height - AxisBottom, duration));
        parts.Add(TimelineChart.Events(results, x, height - AxisBottom));
        return E(
            "figure",
            [("class", "chart")],
            E(
                "svg",
                [("viewBox", $"0 0 {N(Width)} {N(height)}"), ("role", "img"), ("aria-label", label), ("class", "timeline")],
                parts.ToArray()
            ),
            E("figcaption", caption)
        );
    }

    private static HtmlNode Draw(ChartPanel panel, Scale x, double top)
    {
        var max = Scale.NiceCeiling(panel.Lines.SelectMany(l => l.Points).Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max());
        var y = new Scale(0, max, top + panel.Height, top);
        var nodes = new List<HtmlNode>
        {
            E("rect", [("x", N(Left)), ("y", N(top)), ("width", N(Width - Left - Right)), ("height", N(panel.Height)), ("class", "frame")]),
            E("text", [("x", N(Left + 4)), ("y", N(top + 11)), ("class", "panel-title")], panel.Title),
        };
        foreach (var tick in new[] { 0, max / 2, max })
        {
            var at = N(y.Map(tick));
            nodes.Add(E("line", [("x1", N(Left)), ("x2", N(Width - Right)), ("y1", at), ("y2", at), ("class", "grid")]));
            nodes.Add(
                E(
                    "text",
                    [("x", N(Left - 4)), ("y", N(y.Map(tick) + 4)), ("class", "tick"), ("text-anchor", "end")],
                    ReportFormat.WithUnit(tick, tick == 0 ? "" : panel.Unit)
                )
            );
        }
        foreach (var line in panel.Lines)
        {
            foreach (var run in Runs(line.Points))
            {
                var coordinates = string.Join(' ', run.Select(p => $"{N(x.Map(p.Seconds))},{N(y.Map(p.Value))}"));
                nodes.Add(E("polyline", [("points", coordinates), ("class", line.Css)], E("title", line.Name)));
            }
        }
        return E("g", nodes.ToArray());
    }

    /// <summary>Unbroken stretches of points that have a value; a lone point is drawn half a second wide.</summary>
    private static IEnumerable<List<(double Seconds, double Value)>> Runs(IReadOnlyList<(double Seconds, double? Value)> points)
    {
        var run = new List<(double Seconds, double Value)>();
        foreach (var (seconds, value) in points)
        {
            if (value is null)
            {
                if (run.Count > 0)
                    yield return Widen(run);
                run = [];
                continue;
            }
            run.Add((seconds, value.Value));
        }
        if (run.Count > 0)
            yield return Widen(run);
    }

    private static List<(double Seconds, double Value)> Widen(List<(double Seconds, double Value)> run) =>
        run.Count == 1 ? [run[0], (run[0].Seconds + 0.5, run[0].Value)] : run;
}
