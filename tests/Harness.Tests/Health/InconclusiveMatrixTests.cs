using Harness.Reports.Matrix;
using Harness.Reports.Model;
using Harness.Tests.Reports;
using Harness.Tests.Reports.Matrix;

namespace Harness.Tests.Health;

public sealed class InconclusiveMatrixTests
{
    [Test]
    public void Build_CellInconclusive_MatrixIsInconclusiveExitFourAndSaysRetry()
    {
        var plans = MatrixFixtures.TwoAxes();
        var cells = plans
            .Select((p, i) => (p.Name, Results: MatrixFixtures.CellResults(p, "slow-3g,latency=300ms", i)))
            .ToDictionary(
                x => x.Name,
                x => x.Results.Status == RunStatus.Failed ? x.Results with { Status = RunStatus.Inconclusive, ExitCode = 4 } : x.Results
            );

        var matrix = MatrixBuilder.Build(MatrixFixtures.Run, plans, cells, ReportFixtures.Start.AddSeconds(80));

        Assert.That((matrix.Status, matrix.ExitCode), Is.EqualTo((RunStatus.Inconclusive, 4)));
        Assert.That(matrix.Cells.Select(c => c.Status), Has.Exactly(1).EqualTo(MatrixCellStatus.Inconclusive));
        Assert.That(MatrixFormat.Headline(matrix), Is.EqualTo("1 of 4 cells failed while the harness was saturated: retry (exit 4)."));
    }
}
