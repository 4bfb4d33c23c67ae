using Harness.Reports.Model;

namespace Harness.Reports.Matrix;

/// <summary>How a cell's outcome reads in every overview output (invariant, like <see cref="ReportFormat"/>).</summary>
internal static class MatrixFormat
{
    public static string Verdict(MatrixCellStatus status) =>
        status == MatrixCellStatus.NotRun ? "NOT RUN" : status.ToString().ToUpperInvariant();

    /// <summary>The CSS class of a cell: its status, lower-case, "not-run" for a cell that never started.</summary>
    public static string Css(MatrixCellStatus status) =>
        status == MatrixCellStatus.NotRun ? "not-run" : status.ToString().ToLowerInvariant();

    public static string Emoji(MatrixCellStatus status) =>
        status switch
        {
            MatrixCellStatus.Passed => "✅",
            MatrixCellStatus.Failed or MatrixCellStatus.Error => "❌",
            MatrixCellStatus.Interrupted or MatrixCellStatus.Inconclusive => "⚠️",
            _ => "⏭️",
        };

    /// <summary>"observed 302 ms, limit &lt; 250 ms", or the threshold's detail when nothing was observed.</summary>
    public static string Outcome(MatrixThreshold t) => t.Observed is null ? t.Detail : $"observed {Observed(t)}, limit {Limit(t)}";

    public static string Observed(MatrixThreshold t) =>
        t.Observed is null ? "nothing" : ReportFormat.Measured(t.Observed.Value, t.Metric, t.Aggregation);

    public static string Limit(MatrixThreshold t) => $"{t.Operator} {ReportFormat.Measured(t.Limit, t.Metric, t.Aggregation)}";

    /// <summary>"2 passed · 1 failed · 1 not run": only the statuses present, in a fixed order.</summary>
    public static string Counts(MatrixResults m) =>
        string.Join(
            " · ",
            Enum.GetValues<MatrixCellStatus>()
                .Select(s => (Status: s, Count: m.Cells.Count(c => c.Status == s)))
                .Where(x => x.Count > 0)
                .Select(x => $"{ReportFormat.Integer(x.Count)} {Verdict(x.Status).ToLowerInvariant()}")
        );

    public static string Headline(MatrixResults m)
    {
        int Count(MatrixCellStatus s) => m.Cells.Count(c => c.Status == s);
        var total = ReportFormat.Integer(m.Cells.Count);
        return m.Status switch
        {
            RunStatus.Passed => $"All {total} cells passed.",
            RunStatus.Failed => $"{ReportFormat.Integer(Count(MatrixCellStatus.Failed))} of {total} cells failed their thresholds.",
            RunStatus.Interrupted =>
                $"The matrix was interrupted: {ReportFormat.Integer(Count(MatrixCellStatus.NotRun) + Count(MatrixCellStatus.Interrupted))} of {total} cells did not finish.",
            RunStatus.Inconclusive =>
                $"{ReportFormat.Integer(Count(MatrixCellStatus.Inconclusive))} of {total} cells failed while the harness was saturated: retry (exit 4).",
            _ =>
                $"{ReportFormat.Integer(Count(MatrixCellStatus.Error))} of {total} cells could not run: the target or the impairment infrastructure was unusable.",
        };
    }

    /// <summary>The label of a cell that has no value on an axis (an <c>include</c> entry that leaves the axis at its default).</summary>
    public const string Unset = "(not set)";
}
