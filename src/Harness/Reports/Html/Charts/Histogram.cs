using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Charts;

/// <summary>
/// How many clients had how many of something, as an inline SVG bar chart. Buckets double (0, 1, 2–3, 4–7 ...) so
/// one client with thousands of losses and a thousand clients with none fit on one small chart.
/// </summary>
internal static class Histogram
{
    private const double Width = 300,
        Height = 110,
        Left = 34,
        Bottom = 18,
        Top = 14;

    /// <summary>The doubling bucket a value falls in: 0 → 0, 1 → 1, 2–3 → 2, 4–7 → 3 ...</summary>
    public static int Bucket(long value) => value <= 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)value);

    public static string Label(int bucket) =>
        bucket switch
        {
            0 => "0",
            1 => "1",
            _ => $"{ReportFormat.Integer(1L << (bucket - 1))}–{ReportFormat.Integer((1L << bucket) - 1)}",
        };

    /// <summary>Clients per bucket, every bucket from 0 to the highest present (empty ones drawn empty, so the gaps show).</summary>
    public static IReadOnlyList<(string Label, int Clients)> Count(IEnumerable<long> perClient)
    {
        var counts = perClient.GroupBy(Bucket).ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count == 0)
            return [];
        return Enumerable.Range(0, counts.Keys.Max() + 1).Select(b => (Label(b), counts.GetValueOrDefault(b))).ToList();
    }

    public static HtmlNode Render(string title, IReadOnlyList<(string Label, int Clients)> buckets)
    {
        var max = Scale.NiceCeiling(buckets.Select(b => (double)b.Clients).DefaultIfEmpty(0).Max());
        var y = new Scale(0, max, Height - Bottom, Top);
        var slot = (Width - Left - 4) / Math.Max(1, buckets.Count);
        var nodes = new List<HtmlNode>
        {
            E("text", [("x", N(Left)), ("y", "10"), ("class", "panel-title")], title),
            E("line", [("x1", N(Left)), ("x2", N(Width - 4)), ("y1", N(y.Map(0))), ("y2", N(y.Map(0))), ("class", "grid")]),
            E("text", [("x", N(Left - 3)), ("y", N(y.Map(max) + 4)), ("class", "tick"), ("text-anchor", "end")], ReportFormat.Number(max)),
            E("text", [("x", N(Left - 3)), ("y", N(y.Map(0))), ("class", "tick"), ("text-anchor", "end")], "0"),
        };
        for (var i = 0; i < buckets.Count; i++)
        {
            var (label, clients) = buckets[i];
            var x = Left + i * slot;
            var top = y.Map(clients);
            nodes.Add(
                E(
                    "rect",
                    [
                        ("x", N(x + 1)),
                        ("y", N(top)),
                        ("width", N(Math.Max(1, slot - 2))),
                        ("height", N(y.Map(0) - top)),
                        ("class", i == 0 ? "bar zero" : "bar"),
                    ],
                    E("title", $"{label}: {ReportFormat.Integer(clients)} clients")
                )
            );
            nodes.Add(E("text", [("x", N(x + slot / 2)), ("y", N(Height - 5)), ("class", "tick"), ("text-anchor", "middle")], label));
        }
        return E(
            "svg",
            [
                ("class", "histogram"),
                ("viewBox", $"0 0 {N(Width)} {N(Height)}"),
                ("role", "img"),
                ("aria-label", $"{title}: " + string.Join(", ", buckets.Select(b => $"{b.Label}: {ReportFormat.Integer(b.Clients)}"))),
            ],
            nodes.ToArray()
        );
    }
}
