using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Reports.Analysis;

/// <summary>One drawn line: a metric's value per (bucketed) second; null leaves a gap.</summary>
internal sealed record ChartLine(string Name, string Css, IReadOnlyList<(double Seconds, double? Value)> Points);

/// <summary>One panel of a chart: lines sharing a y axis and a unit.</summary>
internal sealed record ChartPanel(string Title, string Unit, double Height, IReadOnlyList<ChartLine> Lines);

/// <summary>
/// A browser probe's timeline in panels: navigation metrics (ttfb, lcp, load) apart from step durations, failed
/// steps and checks per second as its failures, and what the pages said (console errors, page errors, failed
/// requests such as a favicon 404) in series of their own, never counted as failed steps.
/// </summary>
internal sealed record BrowserTimeline(ProbeResult Probe, IReadOnlyList<ChartPanel> Panels)
{
    private static readonly string[] ChartedNavigation = [MetricNames.BrowserTtfb, MetricNames.BrowserLcp, MetricNames.BrowserLoad];
    private static readonly string[] NavigationCss = ["l-thr", "l-conn", "l-avg"];
    private static readonly string[] Messages =
    [
        MetricNames.BrowserConsoleErrors,
        MetricNames.BrowserPageErrors,
        MetricNames.BrowserRequestsFailed,
    ];
    private static readonly string[] MessagesCss = ["l-fail", "l-max", "l-thr"];

    public int PointCount => Panels.SelectMany(p => p.Lines).Select(l => l.Points.Count).DefaultIfEmpty(0).Max();

    public static BrowserTimeline Build(ProbeResult probe, DateTimeOffset runStart, int limit = Downsampler.DefaultLimit)
    {
        var charted = probe.Metrics.Where(m => m.Timeline is { Count: > 0 }).ToDictionary(m => m.Name, StringComparer.Ordinal);
        var seconds = charted.Values.SelectMany(m => m.Timeline!).Select(p => p.UnixSeconds).ToList();
        if (seconds.Count == 0)
            return new BrowserTimeline(probe, []);
        var axis = new Axis(seconds.Min(), seconds.Max(), runStart.ToUnixTimeSeconds(), limit);
        var panels = new List<ChartPanel>();
        Add(
            panels,
            "navigation (average per second)",
            "ms",
            110,
            ChartedNavigation.Select(
                (name, i) => charted.TryGetValue(name, out var m) ? new ChartLine(name, NavigationCss[i], axis.Mean(m.Timeline!)) : null
            )
        );
        if (charted.TryGetValue(MetricNames.BrowserStepDuration, out var steps))
        {
            Add(
                panels,
                $"{steps.Name} avg / max",
                "ms",
                110,
                [
                    new ChartLine($"{steps.Name} maximum", "l-max", axis.Max(steps.Timeline!)),
                    new ChartLine($"{steps.Name} average", "l-avg", axis.Mean(steps.Timeline!)),
                ]
            );
        }
        if (charted.TryGetValue(MetricNames.Checks, out var checks))
        {
            var failed = axis.PerSecond(checks.Timeline!, p => p.Count - p.NonZero);
            Add(panels, "failed steps and checks/s", "", 60, [new ChartLine("failed steps and checks", "l-fail", failed)]);
        }
        Add(
            panels,
            "page messages/s",
            "",
            60,
            Messages.Select(
                (name, i) =>
                    charted.TryGetValue(name, out var m)
                        ? new ChartLine(name, MessagesCss[i], axis.PerSecond(m.Timeline!, p => p.Sum))
                        : null
            )
        );
        return new BrowserTimeline(probe, panels);
    }

    private static void Add(List<ChartPanel> panels, string title, string unit, double height, IEnumerable<ChartLine?> lines)
    {
        var present = lines.OfType<ChartLine>().ToList();
        if (present.Count > 0)
            panels.Add(new ChartPanel(title, unit, height, present));
    }

    /// <summary>Buckets of equal width over the seconds with points, as <see cref="Downsampler"/> does for other probes.</summary>
    private sealed class Axis(long first, long last, long origin, int limit)
    {
        private readonly long _width = Math.Max(1, (long)Math.Ceiling((last - first + 1) / (double)limit));

        private IEnumerable<(double Seconds, IEnumerable<SecondPoint> Points)> Buckets(IReadOnlyList<SecondPoint> points)
        {
            var byBucket = points.GroupBy(p => (p.UnixSeconds - first) / _width).ToDictionary(g => g.Key, g => g.AsEnumerable());
            for (var bucket = 0L; bucket <= (last - first) / _width; bucket++)
            {
                yield return (first + bucket * _width - origin + _width / 2.0, byBucket.GetValueOrDefault(bucket) ?? []);
            }
        }

        public IReadOnlyList<(double, double?)> Mean(IReadOnlyList<SecondPoint> points) =>
            Buckets(points)
                .Select(b =>
                {
                    var count = b.Points.Sum(p => p.Count);
                    return (b.Seconds, count == 0 ? (double?)null : b.Points.Sum(p => p.Sum) / count);
                })
                .ToList();

        public IReadOnlyList<(double, double?)> Max(IReadOnlyList<SecondPoint> points) =>
            Buckets(points)
                .Select(b =>
                {
                    var counted = b.Points.Where(p => p.Count > 0).ToList();
                    return (b.Seconds, counted.Count == 0 ? (double?)null : counted.Max(p => p.Max));
                })
                .ToList();

        public IReadOnlyList<(double, double?)> PerSecond(IReadOnlyList<SecondPoint> points, Func<SecondPoint, double> value) =>
            Buckets(points).Select(b => (b.Seconds, (double?)(b.Points.Sum(value) / _width))).ToList();
    }
}
