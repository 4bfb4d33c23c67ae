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
    private const int MaxMessages = 100;

    public HtmlNode? Render(ReportContext context)
    {
        var probes = context.Results.Probes.Where(p => p.Kind == "browser").ToList();
        if (probes.Count == 0) return null;
        return Section("browser", "Browser", probes.Select(p => (HtmlNode?)Probe(p, context)).ToArray());
    }

    private static HtmlNode Probe(ProbeResult probe, ReportContext context)
    {
        var traces = probe.Artifacts.Where(a => a.Kind == "trace").ToList();
        return E("article",
            E("h3", $"{probe.Name} (browser)"),
            TableRows(["Participant", "Iteration", "Result", "Duration", "Steps", "Failed step", "Error"],
                probe.Iterations.TakeLast(MaxIterations).Select(i =>
                {
                    var failed = i.Steps.FirstOrDefault(s => s.Outcome == "failed");
                    return Tr(i.Passed ? null : "failed", i.Participant, i.Iteration.ToString(CultureInfo.InvariantCulture), i.Passed ? "passed" : "FAILED",
                        ReportFormat.WithUnit(i.DurationMs, "ms"), string.Join(" → ", i.Steps.Select(s => $"{s.Kind} {ReportFormat.WithUnit(s.DurationMs, "ms")}")),
                        failed is null ? "" : $"{failed.Index + 1}. {failed.Description}", Truncate(failed?.Error ?? i.Error ?? "", 400));
                })),
            Screenshots(probe, context),
            traces.Count == 0 ? null : E("div",
                E("p", "Playwright traces (open with: npx playwright show-trace PATH, or drop the file on trace.playwright.dev):"),
                E("ul", traces.Select(t => (HtmlNode)E("li", E("code", t.Path), $" ({t.Participant}, iteration {t.Iteration.ToString(CultureInfo.InvariantCulture)})")).ToArray())),
            probe.Messages.Count == 0 ? E("p", "No console errors, page errors or failed requests.") :
            E("details", E("summary", $"{probe.Messages.Count.ToString(CultureInfo.InvariantCulture)} console messages, page errors and failed requests"),
                TableRows(["Kind", "Participant", "Iteration", "Message", "Where"], probe.Messages.Take(MaxMessages).Select(m =>
                    Tr(m.Kind is "pageerror" or "error" ? "failed" : null, m.Kind, m.Participant, m.Iteration.ToString(CultureInfo.InvariantCulture), Truncate(m.Text, 500), m.Location ?? "")))));
    }

    private static HtmlNode? Screenshots(ProbeResult probe, ReportContext context)
    {
        var shots = probe.Artifacts.Where(a => a.Kind == "screenshot").TakeLast(MaxScreenshots).ToList();
        if (shots.Count == 0) return null;
        return E("div", [("class", "screenshots")], shots.Select(shot =>
        {
            var path = context.RunDirectory is null ? null : Path.Combine(context.RunDirectory, shot.Path);
            var caption = $"{shot.Participant} · iteration {shot.Iteration.ToString(CultureInfo.InvariantCulture)}{(shot.Step is { } s ? $" · step {(s + 1).ToString(CultureInfo.InvariantCulture)}" : "")}";
            HtmlNode image = path is not null && File.Exists(path) && new FileInfo(path).Length <= MaxScreenshotBytes
                ? E("img", [("src", "data:image/png;base64," + Convert.ToBase64String(File.ReadAllBytes(path))), ("alt", caption), ("width", "320")])
                : E("code", shot.Path);
            return (HtmlNode)E("figure", image, E("figcaption", caption));
        }).ToArray());
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
