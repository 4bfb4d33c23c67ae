using Harness.Cli;
using Harness.Orchestration;

namespace Harness.Tests.Cli;

/// <summary><c>harness list</c>: aligned columns, exit 2 for a missing path, and <c>--tag</c> on list and run.</summary>
public sealed class ListAndTagTests
{
    private DirectoryInfo _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Directory.CreateTempSubdirectory("harness-list-");
        Write("a.yaml", "alpha", "[smoke, api]", "The first one.");
        Write("longer-name.yaml", "b", "[nightly]", "The second one.");
        File.WriteAllText(Path.Combine(_directory.FullName, "broken.yaml"), "name: broken\n");
    }

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    private void Write(string file, string name, string tags, string description) =>
        File.WriteAllText(
            Path.Combine(_directory.FullName, file),
            $"""
            name: {name}
            description: {description}
            tags: {tags}
            target: {"{"} allow_hosts: [127.0.0.1] {"}"}
            timeline: [ {"{"} phase: a, duration: 300ms {"}"} ]
            probes: [ {"{"} http: {"{"} name: api, url: "http://127.0.0.1:9/", every: 100ms {"}"} {"}"} ]
            """
        );

    [Test]
    public void List_PrintsAlignedColumns()
    {
        var (code, stdout, _) = List([_directory.FullName], []);

        Assert.That(code, Is.EqualTo(0));
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(4), stdout);
        Assert.That(lines[0], Does.StartWith("FILE"));
        foreach (var column in new[] { "NAME", "TAGS", "DESCRIPTION" })
        {
            var at = lines[0].IndexOf(column, StringComparison.Ordinal);
            Assert.That(at, Is.GreaterThan(0), column);
            var rows = lines.Skip(1).Where(l => column != "TAGS" || !l.Contains(" invalid ", StringComparison.Ordinal)).ToList();
            Assert.That(rows.Select(l => l.Length > at && l[at - 1] == ' ' && l[at] != ' '), Is.All.True, $"{column} at {at}:\n{stdout}");
        }
        Assert.That(stdout, Does.Contain("invalid"));
    }

    [Test]
    public void List_MissingPath_ExitsTwoWithAMessage()
    {
        var missing = Path.Combine(_directory.FullName, "nope");
        var (code, _, stderr) = List([missing], []);

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stderr, Does.Contain($"{missing}: no such file or directory"));
    }

    [Test]
    public void List_WithTag_ShowsOnlyScenariosCarryingIt()
    {
        var (code, stdout, _) = List([_directory.FullName], ["nightly"]);

        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("longer-name.yaml").And.Not.Contain("a.yaml").And.Not.Contain("broken"));
    }

    [Test]
    public void List_WithUnknownTag_ExitsTwoNamingTheTagsThereAre()
    {
        var (code, _, stderr) = List([_directory.FullName], ["nigthly"]);

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stderr, Does.Contain("no scenario tagged nigthly").And.Contain("api, nightly, smoke"));
    }

    [Test]
    public async Task Run_WithTag_RunsOnlyScenariosCarryingIt()
    {
        File.Delete(Path.Combine(_directory.FullName, "broken.yaml"));
        var reports = Path.Combine(_directory.FullName, "reports");
        using var stdout = new StringWriter();
        var output = new ConsoleOutput(TimeProvider.System, stdout, TextWriter.Null);
        var options = new RunOptions(reports, 1, null, "harness run --tag nightly");

        var code = await RunCommand.ExecuteAsync(
            [_directory.FullName],
            options,
            new Dictionary<string, string>(),
            output,
            CancellationToken.None,
            tags: ["nightly"]
        );

        Assert.That(code, Is.Not.EqualTo(ExitCodes.InvalidInput), stdout.ToString());
        Assert.That(Directory.GetDirectories(reports).Select(Path.GetFileName), Has.One.EndsWith("-b").And.None.EndsWith("-alpha"));
    }

    [Test]
    public async Task Run_WithUnknownTag_RunsNothingAndExitsTwo()
    {
        File.Delete(Path.Combine(_directory.FullName, "broken.yaml"));
        using var stdout = new StringWriter();
        var output = new ConsoleOutput(TimeProvider.System, stdout, TextWriter.Null);
        var options = new RunOptions(Path.Combine(_directory.FullName, "reports"), 1, null, "harness run --tag none");

        var code = await RunCommand.ExecuteAsync(
            [_directory.FullName],
            options,
            new Dictionary<string, string>(),
            output,
            CancellationToken.None,
            tags: ["none"]
        );

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stdout.ToString(), Does.Contain("no scenario tagged none"));
        Assert.That(Directory.Exists(Path.Combine(_directory.FullName, "reports")), Is.False);
    }

    private static (int Code, string Stdout, string Stderr) List(string[] paths, string[] tags)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = new ConsoleOutput(TimeProvider.System, stdout, stderr);
        var code = ListCommand.Execute(paths, new Dictionary<string, string>(), output, tags);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
