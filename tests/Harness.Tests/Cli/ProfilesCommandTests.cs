using System.Text.Json;
using Harness.Cli;
using Harness.Orchestration;
using Harness.Scenarios.Profiles;

namespace Harness.Tests.Cli;

/// <summary><c>harness profiles</c>: every available profile, where it comes from, its figures and its cited source.</summary>
public sealed class ProfilesCommandTests
{
    private DirectoryInfo _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("harness-profiles-cmd-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    private static (int Code, string Stdout, string Stderr) Profiles(string path, bool json = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ProfilesCommand.Execute(path, json, new ConsoleOutput(TimeProvider.System, stdout, stderr));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string WriteLocal(string name, string body)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory.FullName, "profiles"));
        var path = Path.Combine(directory.FullName, name + ".yaml");
        File.WriteAllText(path, $"name: {name}\n{body}");
        return path;
    }

    [Test]
    public void Profiles_ListsEveryBuiltInWithItsFiguresAndSource_InAlignedColumns()
    {
        var (code, stdout, stderr) = Profiles(_directory.FullName);

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(BuiltInProfiles.Names.Count + 1), stdout);
        Assert.That(lines[0], Does.StartWith("NAME"));
        foreach (var column in new[] { "FROM", "RTT", "JITTER", "DOWN", "UP", "LOSS", "SOURCE" })
        {
            var at = lines[0].IndexOf(" " + column, StringComparison.Ordinal) + 1;
            Assert.That(at, Is.GreaterThan(0), column);
            var aligned = lines.Skip(1).Select(l => l.Length > at && l[at - 1] == ' ' && l[at] != ' ');
            Assert.That(aligned, Is.All.True, $"{column} at {at}:\n{stdout}");
        }
        var slow3g = lines.Single(l => l.StartsWith("slow-3g ", StringComparison.Ordinal));
        Assert.That(slow3g, Does.Match(@"^slow-3g +built-in +400ms +- +63KB/s +63KB/s +- +ChromeDevTools/devtools-frontend "));
        var lossy = lines.Single(l => l.StartsWith("comcast-3g-lossy ", StringComparison.Ordinal));
        Assert.That(lossy, Does.Match(@" 250ms +- +94KB/s +94KB/s +1\.5% +tylertreat/comcast README$"));
    }

    [Test]
    public void Profiles_ALocalProfileShadowsTheBuiltIn_AndShowsItsPath()
    {
        var path = WriteLocal("slow-3g", "source: our lab\nrtt: 123ms\njitter: 10ms\n");
        WriteLocal("lab-link", "source: our lab\nloss: 2%\n");

        var (code, stdout, _) = Profiles(_directory.FullName);

        Assert.That(code, Is.EqualTo(ExitCodes.Passed));
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(BuiltInProfiles.Names.Count + 2), "one more (lab-link), slow-3g once");
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        Assert.That(
            lines.Single(l => l.StartsWith("slow-3g ", StringComparison.Ordinal)),
            Does.Match($@"^slow-3g +{System.Text.RegularExpressions.Regex.Escape(relative)} +123ms +10ms +- +- +- +our lab$")
        );
        Assert.That(lines.Single(l => l.StartsWith("lab-link ", StringComparison.Ordinal)), Does.Contain(" 2% "));
    }

    [Test]
    public void Profiles_Json_GivesTheAppliedFigures()
    {
        WriteLocal("lab-link", "source: our lab\nrtt: 80ms\n");

        var (code, stdout, _) = Profiles(_directory.FullName, json: true);

        Assert.That(code, Is.EqualTo(ExitCodes.Passed));
        using var document = JsonDocument.Parse(stdout);
        var all = document.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.That(all, Has.Count.EqualTo(BuiltInProfiles.Names.Count + 1));
        var slow3g = all["slow-3g"];
        Assert.That(slow3g.GetProperty("from").GetString(), Is.EqualTo("built-in"));
        Assert.That(slow3g.GetProperty("rtt_ms").GetDouble(), Is.EqualTo(400));
        Assert.That(slow3g.GetProperty("jitter_ms").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(slow3g.GetProperty("down_kilobytes_per_second").GetInt64(), Is.EqualTo(63));
        Assert.That(slow3g.GetProperty("source").GetString(), Does.StartWith("ChromeDevTools/devtools-frontend"));
        Assert.That(all["comcast-wifi"].GetProperty("loss_percent").GetDouble(), Is.EqualTo(0.2));
        Assert.That(all["lab-link"].GetProperty("from").GetString(), Does.EndWith(Path.Combine("profiles", "lab-link.yaml")));
    }

    [Test]
    public void Profiles_InvalidLocalProfile_ExitsTwoSayingWhereAndWhat()
    {
        WriteLocal("broken", "rtt: soon\n");

        var (code, _, stderr) = Profiles(_directory.FullName);

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stderr, Does.Contain("broken.yaml:2:6: ").And.Contain("rtt"));
    }

    [Test]
    public void Profiles_MissingPath_ExitsTwo()
    {
        var (code, _, stderr) = Profiles(Path.Combine(_directory.FullName, "nope"));

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stderr, Does.Contain("nope: no such file or directory"));
    }
}
