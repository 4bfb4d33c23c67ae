using Harness.Orchestration;
using Harness.Reports.Model;

namespace Harness.Reports.Matrix;

/// <summary>Builds the overview from the cells that ran so far; every other planned cell is shown as not run.</summary>
public static class MatrixBuilder
{
    public static MatrixResults Build(
        MatrixRun run,
        IReadOnlyList<MatrixCellPlan> plans,
        IReadOnlyDictionary<string, RunResults> ran,
        DateTimeOffset finishedAt
    )
    {
        var cells = plans.Select(p => ran.TryGetValue(p.Name, out var results) ? Cell(p, results) : NotRun(p)).ToList();
        var exitCode = ExitCodes.Combine(cells.Select(c => c.ExitCode ?? ExitCodes.Interrupted));
        var status = exitCode switch
        {
            ExitCodes.Passed => RunStatus.Passed,
            ExitCodes.ThresholdsFailed => RunStatus.Failed,
            ExitCodes.Interrupted => RunStatus.Interrupted,
            ExitCodes.Inconclusive => RunStatus.Inconclusive,
            _ => RunStatus.Error,
        };
        return new MatrixResults(
            MatrixResults.CurrentSchemaVersion,
            run.MatrixId,
            status,
            exitCode,
            run.Scenario,
            run.Description,
            run.Source,
            run.StartedAt,
            finishedAt,
            run.Command,
            run.Filter,
            Axes(plans),
            cells
        );
    }

    /// <summary>Axes in the order cells first name them, each with the values in the order cells first use them.</summary>
    private static List<MatrixAxis> Axes(IReadOnlyList<MatrixCellPlan> plans)
    {
        var axes = new List<(string Name, List<string> Values)>();
        foreach (var (axis, value) in plans.SelectMany(p => p.Values))
        {
            var index = axes.FindIndex(a => a.Name == axis);
            if (index < 0)
            {
                axes.Add((axis, []));
                index = axes.Count - 1;
            }
            if (!axes[index].Values.Contains(value, StringComparer.Ordinal))
                axes[index].Values.Add(value);
        }
        return axes.Select(a => new MatrixAxis(a.Name, a.Values)).ToList();
    }

    private static MatrixCellResult Cell(MatrixCellPlan plan, RunResults r) =>
        new(
            plan.Name,
            Values(plan),
            Status(r.Status),
            r.ExitCode,
            r.RunId,
            r.Scenario.Seed,
            r.DurationMs,
            plan.Directory,
            $"{plan.Directory}/{ReportWriter.ResultsFile}",
            $"{plan.Directory}/{ReportWriter.HtmlFile}",
            r.Thresholds.Select(t => new MatrixThreshold(t.Probe, t.Expression, t.Operator, t.Limit, t.Observed, t.Passed, t.Detail)
                {
                    Metric = t.Metric,
                    Aggregation = t.Aggregation,
                })
                .ToList(),
            r.Errors
        )
        {
            Failures = ErrorLines.For(r).Select(x => $"{x.Probe}: {x.Line}").ToList(),
        };

    private static MatrixCellResult NotRun(MatrixCellPlan plan) =>
        new(plan.Name, Values(plan), MatrixCellStatus.NotRun, null, null, null, null, plan.Directory, null, null, [], []);

    private static Dictionary<string, string> Values(MatrixCellPlan plan) =>
        plan.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    private static MatrixCellStatus Status(RunStatus status) =>
        status switch
        {
            RunStatus.Passed => MatrixCellStatus.Passed,
            RunStatus.Failed => MatrixCellStatus.Failed,
            RunStatus.Interrupted => MatrixCellStatus.Interrupted,
            RunStatus.Inconclusive => MatrixCellStatus.Inconclusive,
            _ => MatrixCellStatus.Error,
        };
}
