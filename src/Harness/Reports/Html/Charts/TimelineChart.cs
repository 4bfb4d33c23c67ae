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
    private const double Top = 18;

    public static HtmlNode Render(ProbeTimeline timeline, RunResults results)
    {
        var panels = Panels(timeline);
        var duration = Math.Max(1, results.DurationMs / 1000);
        var label =
            $"{timeline.Probe.Name}: {string.Join(", ", panels.Select(p => p.Title))} per second over {ReportFormat.Number(duration)} s";
        return PanelChart.Figure(panels, label, Legend(timeline), results);
    }

    private static List<ChartPanel> Panels(ProbeTimeline t)
    {
        var panels = new List<ChartPanel>();
        if (t.Latency is not null)
        {
            panels.Add(
                new ChartPanel(
                    $"{t.Latency.Name} avg / max",
                    t.Latency.Unit,
                    130,
                    [Line(t, $"{t.Latency.Name} maximum", "l-max", p => p.Max), Line(t, $"{t.Latency.Name} average", "l-avg", p => p.Avg)]
                )
            );
        }
        if (t.Failures.Count > 0)
            panels.Add(new ChartPanel("failures/s", "", 60, [Line(t, "failures/s", "l-fail", p => p.Failures)]));
        if (t.Throughput is not null)
        {
            panels.Add(new ChartPanel($"{t.Throughput.Name}/s", "", 60, [Line(t, $"{t.Throughput.Name}/s", "l-thr", p => p.Throughput)]));
        }
        return panels;
    }

    private static ChartLine Line(ProbeTimeline t, string name, string css, Func<ChartPoint, double?> value) =>
        new(name, css, t.Points.Select(p => (p.Seconds, value(p))).ToList());

    internal static HtmlNode Phases(RunResults results, Scale x, double height)
    {
        var nodes = results.Phases.Select(
            (phase, i) =>
            {
                var from = x.Map((phase.StartedAt - results.StartedAt).TotalSeconds);
                var to = x.Map((phase.EndedAt - results.StartedAt).TotalSeconds);
                var css =
                    phase.Toxics.Count > 0 ? "phase impaired"
                    : i % 2 == 0 ? "phase"
                    : "phase alt";
                var description = phase.Toxics.Count == 0 ? "no phase toxics" : string.Join("; ", phase.Toxics.Select(ReportFormat.Toxic));
                return (HtmlNode)E(
                    "g",
                    E(
                        "rect",
                        [("x", N(from)), ("y", "0"), ("width", N(Math.Max(0, to - from))), ("height", N(height)), ("class", css)],
                        E("title", $"phase {phase.Name}: {ReportFormat.Seconds(phase.DurationMs)}, {description}")
                    ),
                    E("text", [("x", N(from + 3)), ("y", "12"), ("class", "phase-label")], phase.Name)
                );
            }
        );
        return E("g", nodes.ToArray());
    }

    internal static HtmlNode Events(RunResults results, Scale x, double bottom) =>
        E(
            "g",
            results
                .Events.Select(
                    (e, i) =>
                    {
                        var at = x.Map((e.FiredAt - results.StartedAt).TotalSeconds);
                        return (HtmlNode)E(
                            "g",
                            [("class", "event")],
                            E(
                                "title",
                                $"event {(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} in {e.Phase}: {e.Action} at {ReportFormat.Utc(e.FiredAt)}"
                            ),
                            E("line", [("x1", N(at)), ("x2", N(at)), ("y1", N(Top)), ("y2", N(bottom)), ("class", "event-line")]),
                            E(
                                "text",
                                [("x", N(at)), ("y", N(Top - 2)), ("class", "event-mark"), ("text-anchor", "middle")],
                                $"▼{(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}"
                            )
                        );
                    }
                )
                .ToArray()
        );

    internal static HtmlNode TimeAxis(Scale x, double y, double duration)
    {
        var step = Scale.NiceCeiling(duration / 8);
        var nodes = new List<HtmlNode>();
        for (var t = 0.0; t <= duration + 1e-9; t += step)
        {
            nodes.Add(
                E(
                    "text",
                    [("x", N(x.Map(t))), ("y", N(y + 14)), ("class", "tick"), ("text-anchor", "middle")],
                    $"{ReportFormat.Number(t)} s"
                )
            );
        }
        return E("g", nodes.ToArray());
    }

    private static HtmlNode Legend(ProbeTimeline t) =>
        Frag(
            t.Latency is null ? null : Frag(Swatch("l-avg", $"{t.Latency.Name} average"), Swatch("l-max", $"{t.Latency.Name} maximum")),
            t.Failures.Count == 0 ? null : Swatch("l-fail", $"failures/s ({string.Join(", ", t.Failures.Select(f => f.Name))})"),
            t.Throughput is null ? null : Swatch("l-thr", $"{t.Throughput.Name} per second"),
            Swatch("phase impaired", "phase with toxics"),
            Cls(
                "span",
                "note",
                t.Points.Count >= Downsampler.DefaultLimit
                    ? $"{t.Points.Count} points (seconds merged to fit)"
                    : $"{t.Points.Count} points, one per second"
            )
        );

    internal static HtmlNode Swatch(string css, string label) => Cls("span", "legend", Cls("i", $"sw {css}"), label);
}
