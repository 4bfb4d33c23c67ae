using Harness.TestSupport;

namespace Harness.Tests.Conventions;

/// <summary>
/// README.md opens with its title, then the two commands (run a real scenario; run every test). .ci/run runs the first line
/// starting with "dotnet test " exactly, so that line must be the documented test command.
/// </summary>
public sealed class ReadmeTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Test]
    public void Readme_OpensWithTitleThenTheTwoCommands()
    {
        Assert.That(Lines[0], Is.EqualTo("# Harness"));
        var opening = Lines.Take(8).ToList();
        Assert.That(opening, Does.Contain("./harness run scenarios/smoke.yaml"));
        Assert.That(opening, Does.Contain("dotnet test Harness.sln -m:1 --logger trx --results-directory TestResults"));
        Assert.That(opening.IndexOf("# Harness"), Is.LessThan(opening.IndexOf("```sh")));
    }

    [Test]
    public void Readme_FirstDotnetTestLine_IsTheCommandCiRuns()
    {
        Assert.That(
            Lines.First(l => l.StartsWith("dotnet test ", StringComparison.Ordinal)),
            Is.EqualTo("dotnet test Harness.sln -m:1 --logger trx --results-directory TestResults")
        );
        Assert.That(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "run")), Does.Contain("grep -m1 '^dotnet test ' README.md"));
    }
}
