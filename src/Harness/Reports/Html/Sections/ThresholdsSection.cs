using Harness.History;
using Harness.Reports.Html.Charts;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>Every threshold with observed value and limit, and (when a history exists) its last runs and whether it is flaky.</summary>
internal sealed class ThresholdsSection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        if (r.Thresholds.Count == 0)
            return Section("thresholds", "Thresholds", E("p", "No thresholds were declared."));
        var withHistory = context.History.Count > 0;
        string[] headers = withHistory
            ? ["", "Probe", "Threshold", "Observed", "Limit", $"Last {HistoryStore.DefaultLast} runs", ""]
            : ["", "Probe", "Threshold", "Observed", "Limit"];
        var rows = r
            .Thresholds.OrderBy(t => t.Passed)
            .Select(t =>
            {
                var trend = context.TrendOf(t);
                HtmlNode[] cells =
                [
                    Cls("span", t.Passed ? "pass" : "fail", t.Passed ? "PASS" : "FAIL"),
                    t.Probe,
                    Expression(t),
                    t.Observed is null ? t.Detail : ReportFormat.Observed(t),
                    ReportFormat.Limit(t),
                ];
                if (withHistory)
                {
                    cells = [.. cells, trend is null ? "first run" : Sparkline.Render(trend, t.Limit), Flaky(trend)];
                }
                return Tr(t.Passed ? null : "failed", cells);
            });
        return Section(
            "thresholds",
            "Thresholds",
            TableRows(headers, rows),
            withHistory
                ? Cls(
                    "p",
                    "note",
                    $"Flaky: the outcome changed at least {ThresholdTrend.FlakyFlips} times in the last runs of this scenario (from reports/history.db)."
                )
                : null
        );
    }

    // A tag or matrix-cell scope is spelled out under the expression (the cell scope is not part of the expression).
    private static HtmlNode Expression(ThresholdResult t) =>
        t.Tags is null && t.When is null
            ? Cls("code", "expr", t.Expression)
            : Frag(Cls("code", "expr", t.Expression), " ", Cls("span", "note", $"scope: {t.DescribeScope()}"));

    private static HtmlNode Flaky(ThresholdTrend? trend) =>
        trend is null ? ""
        : trend.Flaky ? Cls("span", "flaky", $"flaky ({trend.Flips} flips)")
        : trend.Flips == 1 ? Cls("span", "note", "changed")
        : "";
}
