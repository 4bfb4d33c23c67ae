using System.Globalization;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>
/// Browser probes: each participant's iterations with the step that failed and why, screenshots inlined
/// (bounded, so the page stays small), trace files with how to open them, and what the pages said.
/// </summary>
internal sealed class BrowserSection : IReportSection
{
    private const int MaxIterations = 50;
    private const int MaxScreenshots = 12;
    private const long MaxScreenshotBytes = 400_000;

    /// <summary>
    /// All inlined screenshots of the page together (raw bytes; base64 adds a third): keeps index.html under its 3 MB budget whatever the
    /// probe count.
    /// </summary>
    private const long MaxInlinedBytes = 1_500_000;

    public HtmlNode? Render(ReportContext context)
    {
        var probes = context.Results.Probes.Where(p => p.Kind == "browser").ToList();
        if (probes.Count == 0)
            return null;
        var budget = new InlineBudget { Left = MaxInlinedBytes };
        return Section("browser", "Browser", probes.Select(p => (HtmlNode?)Probe(p, context, budget)).ToArray());
    }

    private static HtmlNode Probe(ProbeResult probe, ReportContext context, InlineBudget budget)
    {
        var traces = probe.Artifacts.Where(a => a.Kind == "trace").ToList();
        return E(
            "article",
            E("h3", $"{probe.Name} (browser)"),
            TableRows(
                ["Participant", "Iteration", "Result", "Duration", "Steps", "Failed step", "Error"],
                probe
                    .Iterations.TakeLast(MaxIterations)
                    .Select(i =>
                    {
                        var failed = i.Steps.FirstOrDefault(s => s.Outcome == "failed");
                        return Tr(
                            i.Passed ? null : "failed",
                            i.Participant,
                            i.Iteration.ToString(CultureInfo.InvariantCulture),
                            i.Passed ? "passed" : "FAILED",
                            ReportFormat.WithUnit(i.DurationMs, "ms"),
                            string.Join(" → ", i.Steps.Select(s => $"{s.Kind} {ReportFormat.WithUnit(s.DurationMs, "ms")}")),
                            failed is null ? "" : $"{failed.Index + 1}. {failed.Description}",
                            Truncate(failed?.Error ?? i.Error ?? "", 400)
                        );
                    })
            ),
            Screenshots(probe, context, budget),
            Steps(probe),
            traces.Count == 0
                ? null
                : E(
                    "div",
                    E(
                        "p",
                        "Playwright traces: open one with ",
                        E("code", "npx playwright show-trace PATH"),
                        " (runs locally; works offline once Playwright's package is installed), or drop the file on ",
                        E("code", "https://trace.playwright.dev"),
                        " (the page needs the internet, the trace stays in your browser). Paths are relative to this report's folder."
                    ),
                    E(
                        "ul",
                        traces
                            .Select(t =>
                                (HtmlNode)E(
                                    "li",
                                    E("code", t.Path),
                                    $" ({t.Participant}, iteration {t.Iteration.ToString(CultureInfo.InvariantCulture)})"
                                )
                            )
                            .ToArray()
                    )
                ),
            E(
                "p",
                probe.Messages.Count == 0
                    ? "No console errors, page errors or failed requests."
                    : $"{probe.Messages.Count.ToString(CultureInfo.InvariantCulture)} console messages, page errors and failed requests: see Console and page errors below."
            )
        );
    }

    /// <summary>Each step over the kept iterations: how often it ran and failed, and how long it took.</summary>
    private static HtmlNode? Steps(ProbeResult probe)
    {
        var steps = probe
            .Iterations.SelectMany(i => i.Steps.Select(s => (i.Participant, Step: s)))
            .GroupBy(x => (x.Participant, x.Step.Index, x.Step.Description))
            .ToList();
        if (steps.Count == 0)
            return null;
        return E(
            "div",
            E("h4", "Steps"),
            TableRows(
                ["Participant", "#", "Step", "Ran", "Failed", "Skipped", "p50", "p95", "Max"],
                steps
                    .OrderBy(g => g.Key.Participant, StringComparer.Ordinal)
                    .ThenBy(g => g.Key.Index)
                    .Select(g =>
                    {
                        var ran = g.Where(x => x.Step.Outcome != "skipped").Select(x => x.Step.DurationMs).Order().ToArray();
                        var failed = g.Count(x => x.Step.Outcome == "failed");
                        return Tr(
                            failed > 0 ? "failed" : null,
                            g.Key.Participant,
                            (g.Key.Index + 1).ToString(CultureInfo.InvariantCulture),
                            g.Key.Description,
                            ran.Length.ToString(CultureInfo.InvariantCulture),
                            failed.ToString(CultureInfo.InvariantCulture),
                            g.Count(x => x.Step.Outcome == "skipped").ToString(CultureInfo.InvariantCulture),
                            ran.Length == 0 ? "" : ReportFormat.WithUnit(Harness.Metrics.MetricSummary.Percentile(ran, 50), "ms"),
                            ran.Length == 0 ? "" : ReportFormat.WithUnit(Harness.Metrics.MetricSummary.Percentile(ran, 95), "ms"),
                            ran.Length == 0 ? "" : ReportFormat.WithUnit(ran[^1], "ms")
                        );
                    })
            ),
            probe.Iterations.Count > 0
                ? Cls(
                    "p",
                    "note",
                    $"Over the {probe.Iterations.Count.ToString(CultureInfo.InvariantCulture)} iterations results.json keeps (the latest)."
                )
                : null
        );
    }

    private static HtmlNode? Screenshots(ProbeResult probe, ReportContext context, InlineBudget budget)
    {
        var shots = probe.Artifacts.Where(a => a.Kind == "screenshot").TakeLast(MaxScreenshots).ToList();
        if (shots.Count == 0)
            return null;
        return E(
            "div",
            [("class", "screenshots")],
            shots
                .Select(shot =>
                {
                    var path = context.RunDirectory is null ? null : Path.Combine(context.RunDirectory, shot.Path);
                    var caption =
                        $"{shot.Participant} · iteration {shot.Iteration.ToString(CultureInfo.InvariantCulture)}{(shot.Step is { } s ? $" · step {(s + 1).ToString(CultureInfo.InvariantCulture)}" : "")}";
                    var size = path is not null && File.Exists(path) ? new FileInfo(path).Length : long.MaxValue;
                    var inline = size <= MaxScreenshotBytes && size <= budget.Left;
                    if (inline)
                        budget.Left -= size;
                    HtmlNode image = inline
                        ? E(
                            "img",
                            [
                                ("src", "data:image/png;base64," + Convert.ToBase64String(File.ReadAllBytes(path!))),
                                ("alt", caption),
                                ("width", "320"),
                            ]
                        )
                        : E("code", shot.Path);
                    return (HtmlNode)E("figure", image, E("figcaption", caption));
                })
                .ToArray()
        );
    }

    /// <summary>Bytes of screenshots the page may still inline, shared by every browser probe of the run.</summary>
    private sealed class InlineBudget
    {
        public long Left { get; set; }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
