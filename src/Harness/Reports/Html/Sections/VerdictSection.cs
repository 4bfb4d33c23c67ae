using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>The top of the page: the verdict, and what failed and why (observed against limit, run errors) in ten seconds.</summary>
internal sealed class VerdictSection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        var failing = r.Thresholds.Where(t => !t.Passed).ToList();
        var passed = r.Thresholds.Count - failing.Count;
        var headline = r.Status switch
        {
            RunStatus.Passed => $"All {r.Thresholds.Count} thresholds held.",
            RunStatus.Failed => $"{failing.Count} of {r.Thresholds.Count} thresholds failed.",
            RunStatus.Interrupted => "The run was interrupted before its timeline ended; thresholds cover what ran.",
            RunStatus.Inconclusive =>
                $"{failing.Count} of {r.Thresholds.Count} thresholds failed while the harness itself was saturated: retry (exit 4).",
            _ => "The target or the impairment infrastructure was unusable.",
        };
        return E(
            "header",
            [("id", "verdict")],
            Cls("div", $"verdict {ReportFormat.Status(r.Status)}", ReportFormat.Verdict(r.Status)),
            E("h1", r.Scenario.Name),
            string.IsNullOrEmpty(r.Scenario.Description) ? null : Cls("p", "description", r.Scenario.Description),
            Cls(
                "p",
                "headline",
                E("strong", headline),
                $" {passed} passed · seed {ReportFormat.Integer(r.Scenario.Seed)} · {ReportFormat.Seconds(r.DurationMs)} · started {ReportFormat.Utc(r.StartedAt)} · run {r.RunId}"
            ),
            HealthFigures.Headline(r) is { } health ? Cls("p", "health", health) : null,
            failing.Count == 0 ? null : Cls("ul", "failing", failing.Select(Failing).ToArray()),
            r.Errors.Count == 0
                ? null
                : Cls("ul", "errors", r.Errors.Select(e => (HtmlNode)E("li", Cls("span", "fail", "error "), e)).ToArray())
        );
    }

    private static HtmlNode Failing(ThresholdResult t) =>
        E(
            "li",
            Cls("span", "fail", "FAIL "),
            E("strong", t.Probe),
            ": ",
            Cls("code", "expr", t.Expression),
            " — ",
            t.Observed is null
                ? (HtmlNode)t.Detail
                : Frag("observed ", E("strong", ReportFormat.Observed(t)), $", limit {ReportFormat.Limit(t)}", Over(t))
        );

    private static HtmlNode? Over(ThresholdResult t)
    {
        if (t.Observed is not { } observed || t.Limit == 0 || t.Operator is "==" or "!=")
            return null;
        var ratio = observed / t.Limit;
        return $" ({ReportFormat.Number(ratio)}× the limit)";
    }
}
