using Harness.Reports;
using Harness.Reports.Matrix;
using Harness.Reports.Model;
using Harness.TestSupport;

namespace Harness.Tests.Reports.Matrix;

public sealed class MatrixReportWriterTests
{
    [Test]
    public async Task Recorder_AfterEachCell_WritesTheOverviewWithTheRestNotRun()
    {
        using var folder = new TemporaryFolder();
        var plans = MatrixFixtures.TwoAxes();
        var time = new ManualTimeProvider(ReportFixtures.Start);
        var recorder = new MatrixRecorder(
            MatrixFixtures.Run,
            plans,
            folder.Path,
            s => s.Replace("hunter2", "***", StringComparison.Ordinal),
            time
        );

        var first = await recorder.RecordAsync(plans[0], WithSecret(MatrixFixtures.CellResults(plans[0], null, 0)), CancellationToken.None);
        var afterOne = MatrixJson.Load(folder.Path);
        await recorder.RecordAsync(plans[1], MatrixFixtures.CellResults(plans[1], null, 1), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(40));
        var final = await recorder.FinishAsync(CancellationToken.None);

        Assert.That(
            first.Cells.Select(c => c.Status),
            Is.EqualTo(new[] { MatrixCellStatus.Passed, MatrixCellStatus.NotRun, MatrixCellStatus.NotRun, MatrixCellStatus.NotRun })
        );
        Assert.That(afterOne.Cells[0].Status, Is.EqualTo(MatrixCellStatus.Passed), "matrix.json is on disk after the first cell");
        Assert.That(final.Status, Is.EqualTo(RunStatus.Interrupted));
        Assert.That(final.DurationMs, Is.EqualTo(40_000));
        foreach (var file in new[] { MatrixJson.FileName, ReportWriter.HtmlFile, ReportWriter.JUnitFile, ReportWriter.SummaryFile })
        {
            var text = File.ReadAllText(Path.Combine(folder.Path, file));
            Assert.That(text, Does.Not.Contain("hunter2"), $"{file}: secrets masked");
        }
        Assert.That(File.ReadAllText(Path.Combine(folder.Path, ReportWriter.JUnitFile)), Does.Contain("***"));
        Assert.That(Directory.GetFiles(folder.Path, "*.tmp"), Is.Empty, "written beside and renamed");
        Assert.That(
            recorder.CellDirectory(plans[3]),
            Is.EqualTo(Path.Combine(folder.Path, "cells", "network.profile-slow-3g_latency-300ms"))
        );
        Assert.That(recorder.CellRunId(plans[3]), Is.EqualTo("20261122-080000-demo-network.profile-slow-3g_latency-300ms"));
    }

    [Test]
    public async Task Report_OnAMatrixFolder_RegeneratesTheOverviewAndEveryCellsReports()
    {
        using var folder = new TemporaryFolder();
        var (matrix, cells) = MatrixFixtures.Build(MatrixFixtures.TwoAxes(), failingCell: "slow-3g,latency=300ms", ran: 3);
        foreach (var cell in matrix.Cells.Where(c => c.Ran))
        {
            var directory = Path.Combine(folder.Path, cell.Directory);
            Directory.CreateDirectory(directory);
            await ResultsJson.WriteAsync(cells[cell.Name], Path.Combine(directory, ReportWriter.ResultsFile), CancellationToken.None);
        }
        File.WriteAllText(Path.Combine(folder.Path, MatrixJson.FileName), MatrixJson.Serialize(matrix));
        var output = new Harness.Cli.ConsoleOutput(TimeProvider.System);

        var fromFolder = await Harness.Cli.ReportCommand.ExecuteAsync(folder.Path, null, null, output, CancellationToken.None);
        var html = File.ReadAllText(Path.Combine(folder.Path, ReportWriter.HtmlFile));
        var junit = File.ReadAllText(Path.Combine(folder.Path, ReportWriter.JUnitFile));
        File.Delete(Path.Combine(folder.Path, ReportWriter.HtmlFile));
        var fromFile = await Harness.Cli.ReportCommand.ExecuteAsync(
            Path.Combine(folder.Path, MatrixJson.FileName),
            null,
            null,
            output,
            CancellationToken.None
        );

        Assert.That(fromFolder, Is.Zero);
        Assert.That(fromFile, Is.Zero);
        Assert.That(html, Does.Contain("<table class=\"matrix-grid\">").And.Contain("<td class=\"cell not-run\">"));
        Assert.That(junit, Does.Contain("<testsuite name=\"demo[network.profile=slow-3g,latency=0ms]\""));
        Assert.That(File.Exists(Path.Combine(folder.Path, ReportWriter.HtmlFile)), Is.True);
        foreach (var cell in matrix.Cells.Where(c => c.Ran))
        {
            Assert.That(
                File.ReadAllText(Path.Combine(folder.Path, cell.Directory, ReportWriter.SummaryFile)),
                Does.StartWith("## "),
                cell.Name
            );
        }
        Assert.That(
            Directory.Exists(Path.Combine(folder.Path, matrix.Cells[3].Directory)),
            Is.False,
            "a cell that did not run gets no folder"
        );
    }

    [Test]
    public async Task Report_OnAMatrixWithAMissingCell_IsInvalidInputAndWritesNothing()
    {
        using var folder = new TemporaryFolder();
        var (matrix, _) = MatrixFixtures.Build(MatrixFixtures.TwoAxes());
        File.WriteAllText(Path.Combine(folder.Path, MatrixJson.FileName), MatrixJson.Serialize(matrix));
        var output = new Harness.Cli.ConsoleOutput(TimeProvider.System);

        var code = await Harness.Cli.ReportCommand.ExecuteAsync(folder.Path, null, null, output, CancellationToken.None);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(folder.Path, ReportWriter.HtmlFile)), Is.False);
    }

    [Test]
    public void CellFolders_AreUniqueAndBounded()
    {
        var plans = MatrixCellPlan.For([
            ("a=x y", [KeyValuePair.Create("a", "x y")], "a-x_y"),
            ("a=x_y", [KeyValuePair.Create("a", "x_y")], "a-x_y"),
            ("a=" + new string('z', 300), [KeyValuePair.Create("a", new string('z', 300))], "a-" + new string('z', 300)),
            ("a=", [KeyValuePair.Create("a", "")], ""),
        ]);

        Assert.That(plans.Select(p => p.Directory).Take(2), Is.EqualTo(new[] { "cells/a-x_y", "cells/a-x_y-2" }));
        Assert.That(plans[2].Directory.Length, Is.LessThanOrEqualTo("cells/".Length + 96));
        Assert.That(plans[3].Directory, Is.EqualTo("cells/cell"));
    }

    private static RunResults WithSecret(RunResults results) => results with { Errors = ["token hunter2 rejected"] };
}
