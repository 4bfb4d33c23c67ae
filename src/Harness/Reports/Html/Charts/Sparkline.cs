using Harness.History;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Charts;

/// <summary>A threshold's last observed values as a small inline SVG: a line, a dot per run (pass or fail) and the limit dashed.</summary>
internal static class Sparkline
{
    private const double Width = 120,
        Height = 26,
        Pad = 3;

    public static HtmlNode Render(ThresholdTrend trend, double limit)
    {
        var values = trend.Points.Select(p => p.Observed).OfType<double>().Append(limit).ToList();
        var low = Math.Min(0, values.Min());
        var high = values.Max() <= low ? low + 1 : values.Max();
        var x = new Scale(0, Math.Max(1, trend.Points.Count - 1), Pad, Width - Pad);
        var y = new Scale(low, high, Height - Pad, Pad);
        var line = string.Join(
            ' ',
            trend
                .Points.Select((p, i) => (p, i))
                .Where(t => t.p.Observed is not null)
                .Select(t => $"{N(x.Map(t.i))},{N(y.Map(t.p.Observed!.Value))}")
        );
        var dots = trend.Points.Select(
            (p, i) =>
                (HtmlNode)E(
                    "circle",
                    [
                        ("cx", N(x.Map(i))),
                        ("cy", N(p.Observed is null ? Height - Pad : y.Map(p.Observed.Value))),
                        ("r", "2.4"),
                        ("class", p.Passed ? "dot-pass" : "dot-fail"),
                    ],
                    E(
                        "title",
                        $"{p.RunId}: {(p.Observed is { } v ? ReportFormat.Measured(v, trend.Metric, trend.Aggregation) : "nothing")} ({(p.Passed ? "pass" : "fail")})"
                    )
                )
        );
        return E(
            "svg",
            [
                ("class", "spark"),
                ("viewBox", $"0 0 {N(Width)} {N(Height)}"),
                ("width", N(Width)),
                ("height", N(Height)),
                ("role", "img"),
                ("aria-label", $"last {trend.Points.Count} runs"),
            ],
            Frag(
                E("line", [("x1", "0"), ("x2", N(Width)), ("y1", N(y.Map(limit))), ("y2", N(y.Map(limit))), ("class", "limit")]),
                line.Length == 0 ? null : E("polyline", [("points", line), ("class", "spark-line")]),
                Frag(dots)
            )
        );
    }
}
