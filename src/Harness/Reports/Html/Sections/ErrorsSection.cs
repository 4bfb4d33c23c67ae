using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>
/// Why exchanges failed: each probe's top reasons in one line per metric (as the console and summary.md say it),
/// then every error class with its count, first and last time, first phase, count per phase and one example
/// message (verbatim, encoded). Absent when nothing failed.
/// </summary>
internal sealed class ErrorsSection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        var probes = r.Probes.Where(p => p.Errors.Count > 0).ToList();
        if (probes.Count == 0)
            return null;
        var rows = probes.SelectMany(p =>
            p.Errors.Select(e =>
                Tr(
                    "failed",
                    p.Name,
                    E("code", e.Metric),
                    E("code", e.Class),
                    ReportFormat.Integer(e.Count),
                    Offset(e.FirstAt, r),
                    Offset(e.LastAt, r),
                    e.Phase,
                    string.Join(", ", e.Phases.Select(kv => $"{kv.Key} {ReportFormat.Integer(kv.Value)}")),
                    E("code", e.Message)
                )
            )
        );
        return Section(
            "errors",
            "Errors",
            E("ul", ErrorLines.For(r).Select(x => (HtmlNode)E("li", E("strong", x.Probe), " ", x.Line)).ToArray()),
            TableRows(["Probe", "Counted by", "Class", "Count", "First", "Last", "First phase", "Per phase", "Example"], rows),
            Cls(
                "p",
                "note",
                "The class is the samples' error tag (a threshold may scope by it, e.g. http_req_failed{error:refused}). "
                    + "Times are seconds after the run started; the example is the first occurrence's message."
            )
        );
    }

    private static string Offset(DateTimeOffset at, RunResults r) => $"+{ReportFormat.Seconds((at - r.StartedAt).TotalMilliseconds)}";
}
