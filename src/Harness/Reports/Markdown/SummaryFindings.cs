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
        var lines = r.Probes.Select(p => p.Kind switch
        {
            "load" => Load(p),
            "browser" => Browser(p),
            "websocket" => WebSocket(p),
            _ => null,
        }).OfType<string>().Concat(Impairment(r)).ToList();
        if (lines.Count == 0) return;
        md.Append("### Findings\n\n");
        foreach (var line in lines) md.Append("- ").Append(line).Append('\n');
        md.Append('\n');
    }

    private static string Load(ProbeResult p)
    {
        var iterations = (long)(KeyMetrics.Find(p, MetricNames.Iterations)?.All.Count ?? 0);
        var dropped = (long)(KeyMetrics.Find(p, MetricNames.DroppedIterations)?.All.Count ?? 0);
        var achieved = p.Load?.PlannedIterations is { } planned && planned > 0
            ? $"{ReportFormat.Integer(iterations)} of {ReportFormat.Integer((long)Math.Round(planned))} planned iterations ({ReportFormat.Percent(iterations / Math.Round(planned))})"
            : $"{ReportFormat.Integer(iterations)} iterations" + (p.Load?.IterationLimit is { } limit ? $" (at most {ReportFormat.Integer(limit)})" : "");
        return $"load **{Md.Text(p.Name)}**: {achieved}, {ReportFormat.Integer(dropped)} dropped";
    }

    private static string? Browser(ProbeResult p)
    {
        if (p.Iterations.Count == 0) return null;
        var failedIterations = p.Iterations.Count(i => !i.Passed);
        var head = $"browser **{Md.Text(p.Name)}**: {ReportFormat.Integer(failedIterations)} of {ReportFormat.Integer(p.Iterations.Count)} iterations failed";
        if (failedIterations == 0) return $"browser **{Md.Text(p.Name)}**: {ReportFormat.Integer(p.Iterations.Count)} iterations, all passed";
        var steps = p.Iterations.SelectMany(i => i.Steps.Select(s => (Iteration: i, Step: s))).Where(x => x.Step.Outcome == "failed")
            .GroupBy(x => (x.Step.Index, x.Step.Description)).OrderBy(g => g.Key.Index)
            .Select(g =>
            {
                var error = g.First().Step.Error ?? g.First().Iteration.Error ?? "no error text";
                var times = g.Count() == 1 ? "1 time" : $"{ReportFormat.Integer(g.Count())} times";
                return $"step {ReportFormat.Integer(g.Key.Index + 1)} {Md.Code(g.Key.Description)} failed {times}: {Md.Text(Truncate(error))}";
            }).ToList();
        var without = p.Iterations.Where(i => !i.Passed && i.Steps.All(s => s.Outcome != "failed")).Select(i => i.Error).OfType<string>().FirstOrDefault();
        if (without is not null) steps.Add($"outside the steps: {Md.Text(Truncate(without))}");
        return steps.Count == 0 ? head : $"{head}; {string.Join("; ", steps)}";
    }

    private static string? WebSocket(ProbeResult p)
    {
        double Count(string metric) => KeyMetrics.Find(p, metric)?.All.Count ?? 0;
        var received = Count(MetricNames.WsMsgsReceived);
        var lost = Count(MetricNames.WsMsgsLost);
        if (received + lost == 0 && KeyMetrics.Find(p, MetricNames.WsMsgsReceived) is null) return null;
        var loss = received + lost == 0 ? "" : $" ({ReportFormat.Percent(lost / (received + lost))})";
        var disconnects = Count(MetricNames.WsDisconnects);
        return $"websocket **{Md.Text(p.Name)}**: {ReportFormat.Number(received)} received, {ReportFormat.Number(lost)} lost{loss}, " +
               $"{ReportFormat.Number(Count(MetricNames.WsMsgsDuplicated))} duplicated, {ReportFormat.Number(Count(MetricNames.WsMsgsReordered))} reordered" +
               (disconnects > 0 ? $", {ReportFormat.Number(disconnects)} disconnects" : "");
    }

    private static IEnumerable<string> Impairment(RunResults r)
    {
        foreach (var row in ImpairmentAnalysis.Rows(r).Where(row => !row.IsReference))
        {
            var toxics = row.Configured.Upstream.Concat(row.Configured.Downstream).ToList();
            if (toxics.Count == 0 && row.Achieved.Count == 0) continue;
            var configured = toxics.Count == 0 ? "nothing configured" : "configured " + string.Join("; ", toxics.Select(t => $"{t.Type} {t.Stream} ({ReportFormat.ToxicAttributes(t)})"));
            var achieved = row.Achieved.Count == 0
                ? row.Bytes is > 0 ? "carried traffic, but no probe's URL routes to it" : "no probe routed through it"
                : "achieved " + string.Join("; ", row.Achieved.Select(a =>
                    $"{Md.Text(a.Probe)} {Md.Code(a.Metric)} median {(a.AchievedAddedMs is { } ms ? ReportFormat.Signed(ms, "ms") : "n/a")}" +
                    (a.ExpectedAddedMs is { } expected ? $" (expected {ReportFormat.Signed(expected, "ms")})" : "")));
            yield return $"impairment **{Md.Text(row.Configured.Proxy)}** in {Md.Text(row.Configured.Phase)}: {configured}; {achieved}";
        }
    }

    private static string Truncate(string text) => text.Length <= MaxErrorText ? text : text[..MaxErrorText] + "…";
}
