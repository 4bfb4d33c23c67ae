using System.Text;
using Harness.Probes.Abstractions;
using Harness.Reports.Analysis;
using Harness.Reports.Model;

namespace Harness.Reports.Markdown;

/// <summary>
/// summary.md's "Findings": the verdict-relevant line of each report section, so a CI summary says what index.html
/// would: load achieved against planned iterations, browser failed steps, WebSocket loss and duplication,
/// impairment configured against achieved.
/// </summary>
internal static class SummaryFindings
{
    private const int MaxErrorText = 200;

    public static void Render(RunResults r, StringBuilder md)
    {
        var lines = r
            .Probes.Select(p =>
                p.Kind switch
                {
                    "load" => Load(p),
                    "browser" => Browser(p),
                    "websocket" => WebSocket(p),
                    _ => null,
                }
            )
            .OfType<string>()
            .Concat(Impairment(r))
            .Concat(Links(r))
            .Concat(Recovery(r))
            .ToList();
        if (lines.Count == 0)
            return;
        md.Append("### Findings\n\n");
        foreach (var line in lines)
            md.Append("- ").Append(line).Append('\n');
        md.Append('\n');
    }

    private static string Load(ProbeResult p)
    {
        var iterations = (long)(KeyMetrics.Find(p, MetricNames.Iterations)?.All.Count ?? 0);
        var dropped = (long)(KeyMetrics.Find(p, MetricNames.DroppedIterations)?.All.Count ?? 0);
        string achieved;
        if (p.Load?.PlannedIterations is { } planned && planned > 0)
        {
            var target = Math.Round(planned);
            achieved = $"{I(iterations)} of {I((long)target)} planned iterations ({ReportFormat.Percent(iterations / target)})";
        }
        else
        {
            achieved = $"{I(iterations)} iterations" + (p.Load?.IterationLimit is { } limit ? $" (at most {I(limit)})" : "");
        }
        return $"load **{Md.Text(p.Name)}**: {achieved}, {I(dropped)} dropped";
    }

    private static string? Browser(ProbeResult p)
    {
        if (p.Iterations.Count == 0)
            return null;
        var name = Md.Text(p.Name);
        var failedIterations = p.Iterations.Count(i => !i.Passed);
        if (failedIterations == 0)
            return $"browser **{name}**: {I(p.Iterations.Count)} iterations, all passed";
        var head = $"browser **{name}**: {I(failedIterations)} of {I(p.Iterations.Count)} iterations failed";
        var steps = p
            .Iterations.SelectMany(i => i.Steps.Select(s => (Iteration: i, Step: s)))
            .Where(x => x.Step.Outcome == "failed")
            .GroupBy(x => (x.Step.Index, x.Step.Description))
            .OrderBy(g => g.Key.Index)
            .Select(g =>
            {
                var error = g.First().Step.Error ?? g.First().Iteration.Error ?? "no error text";
                var times = g.Count() == 1 ? "1 time" : $"{I(g.Count())} times";
                return $"step {I(g.Key.Index + 1)} {Md.Code(g.Key.Description)} failed {times}: {Md.Text(Truncate(error))}";
            })
            .ToList();
        var outside = p.Iterations.Where(i => !i.Passed && i.Steps.All(s => s.Outcome != "failed")).Select(i => i.Error).OfType<string>();
        if (outside.FirstOrDefault() is { } error)
            steps.Add($"outside the steps: {Md.Text(Truncate(error))}");
        return steps.Count == 0 ? head : $"{head}; {string.Join("; ", steps)}";
    }

    private static string? WebSocket(ProbeResult p)
    {
        string Count(string metric) => ReportFormat.Number(KeyMetrics.Find(p, metric)?.All.Count ?? 0);
        if (KeyMetrics.Find(p, MetricNames.WsMsgsReceived) is null && KeyMetrics.Find(p, MetricNames.WsMsgsLost) is null)
            return null;
        var received = KeyMetrics.Find(p, MetricNames.WsMsgsReceived)?.All.Count ?? 0;
        var lost = KeyMetrics.Find(p, MetricNames.WsMsgsLost)?.All.Count ?? 0;
        var loss = received + lost == 0 ? "" : $" ({ReportFormat.Percent(lost / (received + lost))})";
        var disconnects = KeyMetrics.Find(p, MetricNames.WsDisconnects)?.All.Count ?? 0;
        return $"websocket **{Md.Text(p.Name)}**: {Count(MetricNames.WsMsgsReceived)} received, "
            + $"{Count(MetricNames.WsMsgsLost)} lost{loss}, "
            + $"{Count(MetricNames.WsMsgsDuplicated)} duplicated, {Count(MetricNames.WsMsgsReordered)} reordered"
            + (disconnects > 0 ? $", {Count(MetricNames.WsDisconnects)} disconnects" : "");
    }

    private static IEnumerable<string> Recovery(RunResults r) =>
        r
            .Probes.Select(p => (p.Name, Figures: RecoveryFigures.For(p)))
            .Where(x => x.Figures is not null)
            .Select(x => $"websocket **{Md.Text(x.Name)}** recovery: {Md.Text(x.Figures!.Describe())}");

    private static IEnumerable<string> Impairment(RunResults r)
    {
        foreach (var row in ImpairmentAnalysis.Rows(r).Where(row => !row.IsReference))
        {
            var toxics = row.Configured.Upstream.Concat(row.Configured.Downstream).ToList();
            if (toxics.Count == 0 && row.Achieved.Count == 0)
                continue;
            var configured =
                toxics.Count == 0
                    ? "nothing configured"
                    : "configured " + string.Join("; ", toxics.Select(t => $"{t.Type} {t.Stream} ({ReportFormat.ToxicAttributes(t)})"));
            var link = r.Proxies.FirstOrDefault(p => p.Name == row.Configured.Proxy)?.Link;
            var achieved =
                row.Achieved.Count == 0
                    ? link is not null
                        ? LinkText.Route(link)
                        : row.Bytes is > 0
                            ? "carried traffic, but no probe's URL routes to it"
                            : "no probe routed through it"
                    : "achieved " + string.Join("; ", row.Achieved.Select(Achieved));
            yield return $"impairment **{Md.Text(row.Configured.Proxy)}** in {Md.Text(row.Configured.Phase)}: {configured}; {achieved}";
        }
    }

    private static IEnumerable<string> Links(RunResults r) =>
        r
            .Proxies.Where(p => p.Link is not null)
            .Select(p => $"link **{Md.Text(p.Name)}** ({Md.Text(LinkText.Route(p.Link!))}): {Md.Text(LinkText.Carried(p.Link!))}");

    private static string Achieved(AchievedImpairment a) =>
        $"{Md.Text(a.Probe)} {Md.Code(a.Metric)} median {(a.AchievedAddedMs is { } ms ? ReportFormat.Signed(ms, "ms") : "n/a")}"
        + (a.ExpectedAddedMs is { } expected ? $" (expected {ReportFormat.Signed(expected, "ms")})" : "");

    private static string I(long value) => ReportFormat.Integer(value);

    private static string Truncate(string text) => text.Length <= MaxErrorText ? text : text[..MaxErrorText] + "…";
}
