using Harness.Cli;
using Harness.History;
using Harness.Tests.Reports;

namespace Harness.Tests.Cli;

/// <summary><c>harness history --report-dir DIR</c> reads DIR/history.db, where <c>run --report-dir DIR</c> recorded the runs.</summary>
public sealed class HistoryReportDirTests
{
    private DirectoryInfo _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("harness-history-dir-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    [Test]
    public void History_WithReportDir_ReadsThatFoldersDatabase()
    {
        var store = new HistoryStore(Path.Combine(_directory.FullName, HistoryStore.FileName));
        store.Append(ReportFixtures.Results() with { RunId = "run-1" });
        var (code, stdout, stderr) = Invoke("--report-dir", _directory.FullName);

        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("demo"));
    }

    [Test]
    public void History_DbWinsOverReportDir()
    {
        var (code, _, stderr) = Invoke("--report-dir", _directory.FullName, "--db", Path.Combine(_directory.FullName, "other.db"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("other.db: no history yet"));
    }

    private static (int Code, string Stdout, string Stderr) Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var command = HistoryCommand.Create(new ConsoleOutput(TimeProvider.System, stdout, stderr));
        var root = new System.CommandLine.RootCommand { command };
        var configuration = new System.CommandLine.InvocationConfiguration { Error = stderr, Output = stdout };
        var code = root.Parse(["history", .. args]).Invoke(configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
