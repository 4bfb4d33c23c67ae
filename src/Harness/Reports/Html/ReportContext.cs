using Harness.History;
using Harness.Reports.Model;

namespace Harness.Reports.Html;

/// <summary>What a section renderer may read: the run's results and, when a history exists, each threshold's last runs.</summary>
internal sealed record ReportContext(RunResults Results, IReadOnlyList<ThresholdTrend> History)
{
    /// <summary>The run's folder, when known: artifacts (screenshots) are read from it to be inlined.</summary>
    public string? RunDirectory { get; init; }

    public ThresholdTrend? TrendOf(ThresholdResult threshold) =>
        History.FirstOrDefault(h => h.Probe == threshold.Probe && h.Expression == threshold.Expression);
}

/// <summary>
/// One concern of index.html (verdict, thresholds, charts ...), one file each. A renderer returns null when its
/// concern has nothing to show in this run. New concerns (browser steps, a matrix grid) are new renderers added to
/// <see cref="HtmlReport.DefaultSections"/>.
/// </summary>
internal interface IReportSection
{
    HtmlNode? Render(ReportContext context);
}
