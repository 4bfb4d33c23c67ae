using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Charts;

/// <summary>
/// One value per second over the run's time axis (connected clients, active VUs, messages per second) as a small
/// inline SVG with the phases shaded. At most <see cref="MaxPoints"/> points: longer runs are averaged per bucket,
/// so a one-hour run draws as small as a ten-minute one.
/// </summary>
internal static class SeriesChart
{
    public const int MaxPoints = 600;
    private const double Width = 960,
        Height = 120,
        Left = 58,
        Right = 12,
        Top = 16,
        Bottom = 18;

    public static HtmlNode Render(string title, string css, IReadOnlyList<(double Seconds, double Value)> points, RunResults results)
    {
        var duration = Math.Max(1, results.DurationMs / 1000);
        var x = new Scale(0, duration, Left, Width - Right);
        var bounded = Bound(points);
        var max = Scale.NiceCeiling(bounded.Select(p => p.Value).DefaultIfEmpty(0).Max());
        var y = new Scale(0, max, Height - Bottom, Top);
        var nodes = new List<HtmlNode>();
        foreach (var phase in results.Phases)
        {
            var from = x.Map((phase.StartedAt - results.StartedAt).TotalSeconds);
            var to = x.Map((phase.EndedAt - results.StartedAt).TotalSeconds);
            nodes.Add(
                E(
                    "rect",
                    [
                        ("x", N(from)),
                        ("y", N(Top)),
                        ("width", N(Math.Max(0, to - from))),
                        ("height", N(Height - Top - Bottom)),
                        ("class", phase.Toxics.Count > 0 ? "phase impaired" : "phase"),
                    ],
                    E("title", $"phase {phase.Name}")
                )
            );
        }
        nodes.Add(
            E(
                "rect",
                [
                    ("x", N(Left)),
                    ("y", N(Top)),
                    ("width", N(Width - Left - Right)),
                    ("height", N(Height - Top - Bottom)),
                    ("class", "frame"),
                ]
            )
        );
        nodes.Add(E("text", [("x", N(Left + 4)), ("y", N(Top - 4)), ("class", "panel-title")], title));
        foreach (var tick in new[] { 0, max / 2, max })
        {
            nodes.Add(
                E("line", [("x1", N(Left)), ("x2", N(Width - Right)), ("y1", N(y.Map(tick))), ("y2", N(y.Map(tick))), ("class", "grid")])
            );
            nodes.Add(
                E(
                    "text",
                    [("x", N(Left - 4)), ("y", N(y.Map(tick) + 4)), ("class", "tick"), ("text-anchor", "end")],
                    ReportFormat.Number(tick)
                )
            );
        }
        if (bounded.Count > 0)
        {
            var line = bounded.Count == 1 ? [bounded[0], (bounded[0].Seconds + 0.5, bounded[0].Value)] : bounded;
            nodes.Add(
                E(
                    "polyline",
                    [("points", string.Join(' ', line.Select(p => $"{N(x.Map(p.Seconds))},{N(y.Map(p.Value))}"))), ("class", css)]
                )
            );
        }
        nodes.Add(E("text", [("x", N(Left)), ("y", N(Height - 4)), ("class", "tick")], "0 s"));
        nodes.Add(
            E(
                "text",
                [("x", N(Width - Right)), ("y", N(Height - 4)), ("class", "tick"), ("text-anchor", "end")],
                $"{ReportFormat.Number(duration)} s"
            )
        );
        return E(
            "svg",
            [
                ("class", "series"),
                ("viewBox", $"0 0 {N(Width)} {N(Height)}"),
                ("role", "img"),
                (
                    "aria-label",
                    $"{title} over {ReportFormat.Number(duration)} s, peak {ReportFormat.Number(bounded.Select(p => p.Value).DefaultIfEmpty(0).Max())}"
                ),
            ],
            nodes.ToArray()
        );
    }

    /// <summary>Consecutive points averaged into at most <see cref="MaxPoints"/> buckets of equal width.</summary>
    public static IReadOnlyList<(double Seconds, double Value)> Bound(IReadOnlyList<(double Seconds, double Value)> points)
    {
        if (points.Count <= MaxPoints)
            return points;
        var width = (int)Math.Ceiling(points.Count / (double)MaxPoints);
        return points.Chunk(width).Select(c => (c.Average(p => p.Seconds), c.Average(p => p.Value))).ToList();
    }
}
