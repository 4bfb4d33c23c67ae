using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>Measurement health: whether the harness itself kept up in each phase (timer lag, its CPU, the machine's load).</summary>
internal sealed class HealthSection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        if (r.Health is not { } health)
            return null;
        return Section(
            "health",
            "Measurement health",
            HealthFigures.Headline(r) is { } headline ? Cls("p", health.Verdict is null ? "warning" : "errors", headline) : null,
            TableRows(
                HealthFigures.Headers,
                HealthFigures.Rows(health).Select(row => Tr(row[^1] == "no" ? null : "failed", row.Select(c => (HtmlNode)c).ToArray()))
            ),
            Cls("p", "note", HealthFigures.Bounds(health))
        );
    }
}
