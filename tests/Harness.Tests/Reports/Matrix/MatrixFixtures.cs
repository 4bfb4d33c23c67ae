using Harness.Reports.Matrix;
using Harness.Reports.Model;
using Harness.Scenarios.Matrix;

namespace Harness.Tests.Reports.Matrix;

/// <summary>Matrices built the way a run builds them (MatrixBuilder over cell plans and cell results), with fixed times.</summary>
internal static class MatrixFixtures
{
    public static readonly MatrixRun Run = new(
        "20261122-080000-demo",
        "demo",
        "demo matrix",
        "/repo/scenarios/demo.yaml",
        "./harness run scenarios/demo.yaml",
        null,
        ReportFixtures.Start
    );

    public static IReadOnlyList<MatrixCellPlan> Plans(params (string Axis, string Value)[][] cells) =>
        MatrixCellPlan.For(
            cells.Select(c =>
            {
                var cell = new MatrixCell(c.Select(v => KeyValuePair.Create(v.Axis, v.Value)).ToList());
                return (cell.Name, cell.Values, cell.Slug);
            })
        );

    /// <summary>profile × latency, 2×2; the cell slow-3g with 300ms fails its threshold.</summary>
    public static IReadOnlyList<MatrixCellPlan> TwoAxes() =>
        Plans(
            [("network.profile", "fast-4g"), ("latency", "0ms")],
            [("network.profile", "fast-4g"), ("latency", "300ms")],
            [("network.profile", "slow-3g"), ("latency", "0ms")],
            [("network.profile", "slow-3g"), ("latency", "300ms")]
        );

    /// <summary>A cell's results: the report fixture, passing unless the cell's name contains <paramref name="failingCell"/>.</summary>
    public static RunResults CellResults(MatrixCellPlan plan, string? failingCell, int index)
    {
        var failing = failingCell is not null && plan.Name.Contains(failingCell, StringComparison.Ordinal);
        var results = ReportFixtures.Results(failing: failing);
        return results with
        {
            RunId = $"{Run.MatrixId}-{Path.GetFileName(plan.Directory)}",
            Scenario = results.Scenario with { Seed = 42 + index, Cell = plan.Name },
            StartedAt = ReportFixtures.Start.AddSeconds(20 * index),
            FinishedAt = ReportFixtures.Start.AddSeconds(20 * index + 20),
        };
    }

    /// <summary>Runs the first <paramref name="ran"/> cells (all by default) and builds the overview; the rest are not run.</summary>
    public static (MatrixResults Matrix, Dictionary<string, RunResults> Cells) Build(
        IReadOnlyList<MatrixCellPlan> plans,
        string? failingCell = null,
        int? ran = null,
        MatrixRun? run = null
    )
    {
        var cells = plans
            .Take(ran ?? plans.Count)
            .Select((p, i) => (p.Name, Results: CellResults(p, failingCell, i)))
            .ToDictionary(x => x.Name, x => x.Results, StringComparer.Ordinal);
        return (MatrixBuilder.Build(run ?? Run, plans, cells, ReportFixtures.Start.AddSeconds(20 * plans.Count)), cells);
    }
}
