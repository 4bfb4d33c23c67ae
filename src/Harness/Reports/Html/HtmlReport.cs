using System.Text;
using Harness.History;
using Harness.Reports.Html.Sections;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html;

/// <summary>
/// index.html: one self-contained page (inline styles and SVG, no scripts, no external resources) rendered from
/// results.json, one section renderer per concern in reading order: the verdict first.
/// </summary>
public static class HtmlReport
{
    /// <summary>The sections in page order; a new concern is a new renderer inserted here.</summary>
    internal static IReadOnlyList<IReportSection> DefaultSections { get; } =
    [
        new VerdictSection(),
        new ThresholdsSection(),
        new ErrorsSection(),
        new TimelineSection(),
        new PhaseStatsSection(),
        new HealthSection(),
        new ImpairmentSection(),
        new PacketLinkSection(),
        new WebSocketSection(),
        new WebSocketRecoverySection(),
        new LoadSection(),
        new BrowserSection(),
        new PageErrorsSection(),
        new EnvironmentSection(),
    ];

    public static string Render(RunResults results) => Render(new ReportContext(results, []));

    internal static string Render(ReportContext context, IReadOnlyList<IReportSection>? sections = null)
    {
        var results = context.Results;
        var page = E(
            "html",
            [("lang", "en")],
            E(
                "head",
                E("meta", [("charset", "utf-8")]),
                E("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                E("title", $"{ReportFormat.Verdict(results.Status)} · {results.Scenario.Name} · harness"),
                E("style", new HtmlTrusted(Styles.Css))
            ),
            E("body", (sections ?? DefaultSections).Select(s => s.Render(context)).ToArray())
        );
        var output = new StringBuilder("<!DOCTYPE html>\n");
        page.Render(output);
        return output.ToString();
    }

    /// <summary>The page for a run with the history of its thresholds (sparklines, flaky marks).</summary>
    internal static string Render(RunResults results, IReadOnlyList<ThresholdTrend> history, string? runDirectory = null) =>
        Render(new ReportContext(results, history) { RunDirectory = runDirectory });
}
