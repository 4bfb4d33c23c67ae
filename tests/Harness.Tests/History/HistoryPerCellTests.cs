using Harness.Cli;
using Harness.History;
using Harness.Reports.Model;
using Harness.Tests.Reports;

namespace Harness.Tests.History;

/// <summary>History is kept per scenario and matrix cell: a matrix's cells never share a row, so flaky marks are per cell.</summary>
public sealed class HistoryPerCellTests
{
    private DirectoryInfo _directory = null!;

    private string Database => Path.Combine(_directory.FullName, HistoryStore.FileName);

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("harness-history-cells-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    private static RunResults Run(int round, string? cell, bool passed, double observed) =>
        ReportFixtures.Results(failing: !passed) with
        {
            RunId = $"run-{round}-{cell ?? "none"}",
            Scenario = ReportFixtures.Results().Scenario with { Cell = cell },
            StartedAt = ReportFixtures.Start.AddHours(round).AddMinutes(cell == "profile=slow" ? 1 : 0),
            FinishedAt = ReportFixtures.Start.AddHours(round).AddMinutes(2),
            Thresholds = [ReportFixtures.Results().Thresholds[0] with { Observed = observed, Passed = passed }],
        };

    private string History(string? scenario = "demo")
    {
        using var stdout = new StringWriter();
        var code = HistoryCommand.Execute(scenario, 10, Database, new ConsoleOutput(TimeProvider.System, stdout, TextWriter.Null));
        Assert.That(code, Is.EqualTo(0), stdout.ToString());
        return stdout.ToString();
    }

    [Test]
    public void History_CellAlwaysPassingAndCellAlwaysFailing_NeitherIsFlaky()
    {
        var store = new HistoryStore(Database);
        for (var round = 1; round <= 4; round++)
        {
            store.Append(Run(round, "profile=fast", true, 100 + round));
            store.Append(Run(round, "profile=slow", false, 300 + round));
        }

        var text = History();

        Assert.That(text, Does.Not.Contain("FLAKY"));
        Assert.That(text, Does.Contain("demo [profile=fast]: last 4 run(s)"));
        Assert.That(text, Does.Contain("demo [profile=slow]: last 4 run(s)"));
    }

    [Test]
    public void History_OneCellFlips_OnlyThatCellIsFlaky()
    {
        var store = new HistoryStore(Database);
        for (var round = 1; round <= 4; round++)
        {
            store.Append(Run(round, "profile=fast", true, 100));
            store.Append(Run(round, "profile=slow", round % 2 == 0, 300));
        }

        var lines = History().Split('\n');
        var slow = Array.FindIndex(lines, l => l.StartsWith("demo [profile=slow]", StringComparison.Ordinal));
        var fast = Array.FindIndex(lines, l => l.StartsWith("demo [profile=fast]", StringComparison.Ordinal));

        Assert.That(lines.Count(l => l.Contains("FLAKY", StringComparison.Ordinal)), Is.EqualTo(1));
        var flaky = Array.FindIndex(lines, l => l.Contains("FLAKY", StringComparison.Ordinal));
        Assert.That(flaky, Is.GreaterThan(slow));
        Assert.That(fast < slow ? flaky > slow : flaky < fast, Is.True, "the flaky row belongs to the slow cell's block");
    }

    [Test]
    public void Read_ForACellsRun_ReturnsOnlyThatCellsPoints()
    {
        var store = new HistoryStore(Database);
        for (var round = 1; round <= 3; round++)
        {
            store.Append(Run(round, "profile=fast", true, 100 + round));
            store.Append(Run(round, "profile=slow", false, 300 + round));
        }

        var trend = HistoryRecorder.Read(Run(3, "profile=fast", true, 103), Database, _ => { }).Single();

        Assert.That(trend.Points.Select(p => p.Observed), Is.EqualTo(new double?[] { 101, 102, 103 }));
        Assert.That(trend.Flaky, Is.False);
    }

    [Test]
    public void OldDatabase_WrittenBeforeCells_IsReadAndMigratedOnAppend()
    {
        var source = Path.Combine(
            Harness.TestSupport.RepositoryPaths.Root,
            "tests",
            "Harness.Tests",
            "History",
            "Fixtures",
            "history-v1.db"
        );
        File.Copy(source, Database);

        Assert.That(History(), Does.Contain("demo: last 3 run(s)"), "old rows read as runs without a cell");

        new HistoryStore(Database).Append(Run(100, "profile=fast", true, 150));
        var text = History();

        Assert.That(text, Does.Contain("demo: last 3 run(s)"));
        Assert.That(text, Does.Contain("demo [profile=fast]: last 1 run(s)"));
        var old = HistoryRecorder
            .Read(ReportFixtures.Results() with { StartedAt = ReportFixtures.Start.AddDays(30) }, Database, _ => { })
            .Single();
        Assert.That(old.Points.Select(p => p.Observed), Is.EqualTo(new double?[] { 201, 202, 203 }));
        Assert.That(old.Flaky, Is.True, "pass, fail, pass in the old runs");
    }
}
