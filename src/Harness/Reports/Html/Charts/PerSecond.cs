using Harness.Metrics;
using Harness.Reports.Model;

namespace Harness.Reports.Html.Charts;

/// <summary>
/// Per-second series derived from a probe's metric timelines, as (seconds since the run started, value), one point per second.
/// </summary>
internal static class PerSecond
{
    /// <summary>The sum of each second (messages per second, iterations per second); seconds without samples are 0.</summary>
    public static IReadOnlyList<(double Seconds, double Value)> Sums(MetricResult? metric, RunResults results) =>
        Fill(results, metric?.Timeline ?? [], (_, point) => point?.Sum ?? 0);

    /// <summary>
    /// Connections open at the end of each second: handshakes completed (ws_connecting samples) minus connections
    /// lost (ws_disconnects) so far. Our own closes at the end of the run are not disconnects, so the line ends high.
    /// </summary>
    public static IReadOnlyList<(double Seconds, double Value)> Connected(
        MetricResult? connecting,
        MetricResult? disconnects,
        RunResults results
    )
    {
        var lost = (disconnects?.Timeline ?? []).ToDictionary(p => p.UnixSeconds, p => p.Sum);
        double open = 0;
        return Fill(results, connecting?.Timeline ?? [], (second, point) =>
            open = Math.Max(0, open + (point?.Count ?? 0) - lost.GetValueOrDefault(second))
        );
    }

    /// <summary>
    /// A gauge (vus) per second: the second's maximum, carried forward while it does not change (it is emitted on change only).
    /// </summary>
    public static IReadOnlyList<(double Seconds, double Value)> Gauge(MetricResult? gauge, RunResults results)
    {
        double last = 0;
        return Fill(results, gauge?.Timeline ?? [], (_, point) => last = point is null || point.Count == 0 ? last : point.Max);
    }

    private static List<(double Seconds, double Value)> Fill(
        RunResults results,
        IReadOnlyList<SecondPoint> timeline,
        Func<long, SecondPoint?, double> value
    )
    {
        var start = results.StartedAt.ToUnixTimeSeconds();
        // Seconds the run touched: a run ending exactly on a second boundary does not draw a point past its end.
        var end = Math.Max(start + 1, (long)Math.Ceiling(results.FinishedAt.ToUnixTimeMilliseconds() / 1000.0));
        var bySecond = timeline.ToDictionary(p => p.UnixSeconds);
        var points = new List<(double, double)>((int)(end - start));
        for (var second = start; second < end; second++)
            points.Add((second - start + 0.5, value(second, bySecond.GetValueOrDefault(second))));
        return points;
    }
}
