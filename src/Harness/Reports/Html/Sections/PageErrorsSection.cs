using Harness.Probes.Abstractions;
using Harness.Reports.Analysis;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>
/// What the pages said across the run: console errors and warnings, uncaught page errors and failed requests,
/// grouped by kind, text and place, with how often, when first and last, and who saw them; most frequent first.
/// </summary>
internal sealed class PageErrorsSection : IReportSection
{
    private const int MaxGroups = 100;
    private const int MaxTextChars = 500;
    private const int MaxParticipants = 5;

    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        var browsers = r.Probes.Where(p => p.Kind == "browser").ToList();
        if (browsers.Count == 0)
            return null;
        var groups = browsers
            .SelectMany(p => p.Messages.Select(m => (Probe: p.Name, Message: m)))
            .GroupBy(x => (x.Probe, x.Message.Kind, x.Message.Text, x.Message.Location))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(x => x.Message.Time))
            .ToList();
        return Section(
            "page-errors",
            "Console and page errors",
            Counted(browsers),
            groups.Count == 0
                ? E("p", "No console errors or warnings, page errors or failed requests were captured.")
                : TableRows(
                    ["Kind", "Probe", "Message", "Where", "Count", "First", "Last", "Participants"],
                    groups
                        .Take(MaxGroups)
                        .Select(g =>
                        {
                            var (probe, kind, text, location) = g.Key;
                            var participants = g.Select(x => x.Message.Participant).Distinct(StringComparer.Ordinal).ToList();
                            return Tr(
                                kind is "pageerror" or "consoleerror" or "requestfailed" ? "failed" : null,
                                kind,
                                probe,
                                E("code", Truncate(text)),
                                location is null ? "" : E("code", Truncate(location)),
                                ReportFormat.Integer(g.Count()),
                                Offset(g.Min(x => x.Message.Time), r),
                                Offset(g.Max(x => x.Message.Time), r),
                                string.Join(", ", participants.Take(MaxParticipants))
                                    + (
                                        participants.Count > MaxParticipants
                                            ? $" and {ReportFormat.Integer(participants.Count - MaxParticipants)} more"
                                            : ""
                                    )
                            );
                        })
                ),
            groups.Count > MaxGroups
                ? Cls(
                    "p",
                    "note",
                    $"The {ReportFormat.Integer(MaxGroups)} most frequent of {ReportFormat.Integer(groups.Count)} distinct messages; all are in results.json."
                )
                : null
        );
    }

    /// <summary>The metrics count every occurrence; the captured list stops at the capture limit, so both are shown.</summary>
    private static HtmlNode Counted(IReadOnlyList<ProbeResult> browsers)
    {
        double Total(string metric) => browsers.Sum(p => KeyMetrics.Find(p, metric)?.All.Count ?? 0);
        var captured = browsers.Sum(p => p.Messages.Count);
        return Cls(
            "p",
            "note",
            $"Counted over the run: {ReportFormat.Number(Total(MetricNames.BrowserConsoleErrors))} console errors, {ReportFormat.Number(Total(MetricNames.BrowserPageErrors))} page errors, "
                + $"{ReportFormat.Number(Total(MetricNames.BrowserRequestsFailed))} failed requests. Captured verbatim (up to the probe's capture limit, warnings included): {ReportFormat.Integer(captured)}. "
                + "Times are seconds after the run started."
        );
    }

    private static string Offset(DateTimeOffset at, RunResults r) => $"+{ReportFormat.Seconds((at - r.StartedAt).TotalMilliseconds)}";

    private static string Truncate(string text) => text.Length <= MaxTextChars ? text : text[..MaxTextChars] + "…";
}
