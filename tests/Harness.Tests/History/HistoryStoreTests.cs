using Harness.History;
using Harness.Reports;
using Harness.Reports.Model;
using Harness.Tests.Reports;

namespace Harness.Tests.History;

public sealed class HistoryStoreTests
{
    private DirectoryInfo _directory = null!;

    private string Database => Path.Combine(_directory.FullName, HistoryStore.FileName);

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("harness-history-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    private static RunResults Run(int day, bool passed, double observed) =>
        ReportFixtures.Results(failing: !passed) with
        {
            RunId = $"run-{day}",
            StartedAt = ReportFixtures.Start.AddDays(day),
            FinishedAt = ReportFixtures.Start.AddDays(day).AddSeconds(20),
            Thresholds = [ReportFixtures.Results().Thresholds[0] with { Observed = observed, Passed = passed }],
        };

    [Test]
    public void Trends_AfterSeveralRuns_ListObservedValuesOldestFirst()
    {
        var store = new HistoryStore(Database);
        store.Append(Run(2, true, 210));
        store.Append(Run(1, true, 200));
        store.Append(Run(3, false, 320));

        var trend = store.Trends("demo").Single();

        Assert.That(trend.Points.Select(p => p.Observed), Is.EqualTo(new double?[] { 200, 210, 320 }));
        Assert.That(trend.Points.Select(p => p.Passed), Is.EqualTo(new[] { true, true, false }));
        Assert.That(trend.Flaky, Is.False, "one change is a step, not flakiness");
    }

    [Test]
    public void Trends_PassFailPass_IsFlaky()
    {
        var store = new HistoryStore(Database);
        store.Append(Run(1, true, 200));
        store.Append(Run(2, false, 300));
        store.Append(Run(3, true, 200));

        Assert.That(store.Trends("demo").Single().Flaky, Is.True);
    }

    [Test]
    public void Trends_LimitAndUpTo_KeepTheLastRunsBeforeTheGivenTime()
    {
        var store = new HistoryStore(Database);
        for (var day = 1; day <= 15; day++)
            store.Append(Run(day, true, day));

        var trend = store.Trends("demo", last: 10, upTo: ReportFixtures.Start.AddDays(12)).Single();

        Assert.That(trend.Points.Select(p => p.Observed), Is.EqualTo(Enumerable.Range(3, 10).Select(d => (double?)d)));
    }

    [Test]
    public void Append_SameRunTwice_ReplacesIt()
    {
        var store = new HistoryStore(Database);
        store.Append(Run(1, true, 200));
        store.Append(Run(1, false, 300));

        Assert.That(store.Trends("demo").Single().Points.Single().Observed, Is.EqualTo(300));
    }

    [Test]
    public async Task Append_ManyRunsFinishingAtOnce_AllLand()
    {
        await Task.WhenAll(Enumerable.Range(1, 8).Select(day => Task.Run(() => new HistoryStore(Database).Append(Run(day, true, day)))));

        Assert.That(new HistoryStore(Database).Runs("demo", last: 100), Has.Count.EqualTo(8));
    }

    [Test]
    public void Record_UnwritableDatabase_LogsAndDoesNotThrow()
    {
        var blocker = Path.Combine(_directory.FullName, "not-a-folder");
        File.WriteAllText(blocker, "x");
        var logged = new List<string>();

        var trends = HistoryRecorder.Record(Run(1, true, 1), Path.Combine(blocker, HistoryStore.FileName), s => s, logged.Add);

        Assert.That(trends, Is.Empty);
        Assert.That(logged, Has.Some.Contains("could not record this run"));
    }

    [Test]
    public async Task WriteAll_AppendsHistoryBesideTheRunFolderAndWritesEveryOutput()
    {
        var runDirectory = Path.Combine(_directory.FullName, "20261122-080000-demo");

        await ReportWriter.WriteAllAsync(Run(1, true, 200), runDirectory, Harness.Scenarios.Loading.Redactor.None, CancellationToken.None);
        await ReportWriter.WriteAllAsync(Run(2, false, 300), runDirectory, Harness.Scenarios.Loading.Redactor.None, CancellationToken.None);

        foreach (var file in new[] { ReportWriter.ResultsFile, ReportWriter.HtmlFile, ReportWriter.JUnitFile, ReportWriter.SummaryFile })
        {
            Assert.That(File.Exists(Path.Combine(runDirectory, file)), Is.True, file);
        }
        Assert.That(new HistoryStore(Database).Runs("demo"), Has.Count.EqualTo(2));
        Assert.That(File.ReadAllText(Path.Combine(runDirectory, ReportWriter.HtmlFile)), Does.Contain("<svg class=\"spark\""));
    }

    [Test]
    public void HistoryCommand_PrintsTrendsAndFailsOnUnknownScenario()
    {
        var store = new HistoryStore(Database);
        store.Append(Run(1, true, 200));
        store.Append(Run(2, false, 300));
        var output = new Harness.Cli.ConsoleOutput(TimeProvider.System);
        var previous = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        int known,
            unknown,
            missing;
        try
        {
            known = Harness.Cli.HistoryCommand.Execute("demo", 10, Database, output);
            unknown = Harness.Cli.HistoryCommand.Execute("nope", 10, Database, output);
            missing = Harness.Cli.HistoryCommand.Execute(null, 10, Path.Combine(_directory.FullName, "none.db"), output);
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.That((known, unknown, missing), Is.EqualTo((0, 2, 2)));
        Assert.That(captured.ToString(), Does.Contain("api: http_req_duration{phase:slow} p(95) < 250ms  200 ms · 300 ms!  failing"));
    }
}
