using Harness.Cli;
using Harness.Orchestration;

namespace Harness.Tests.Cli;

/// <summary>
/// A misspelled option after a command whose paths take any number of values was read as a path ("--repot-dir: no
/// such file or directory"). It is now named as an unknown option of that command, with the nearest real one.
/// </summary>
public sealed class UnknownOptionTests
{
    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await HarnessCli.RunAsync(args, new ConsoleOutput(TimeProvider.System, stdout, stderr));
        return (code, stdout + "\n" + stderr); // validate reports problems on stdout, the CLI's own errors go to stderr
    }

    [TestCase("run", "--repot-dir", "--report-dir")]
    [TestCase("run", "--no-colour", "--no-color")]
    [TestCase("validate", "--vars", "--var")]
    [TestCase("list", "--tgs", "--tag")]
    public async Task Misspelled_NamesTheOptionAndTheNearestOne(string command, string typo, string nearest)
    {
        var (code, stderr) = await RunAsync(command, "scenarios/none.yaml", typo, "x");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stderr, Does.Contain($"unknown option '{typo}' for 'harness {command}'"));
        Assert.That(stderr, Does.Contain($"did you mean '{nearest}'?"));
    }

    [Test]
    public async Task WithValueAfterEquals_NamesTheOptionOnly()
    {
        var (code, stderr) = await RunAsync("run", "--report-dri=/tmp/<x>&%", "scenarios/none.yaml");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stderr, Does.Contain("unknown option '--report-dri' for 'harness run' (did you mean '--report-dir'?)"));
        Assert.That(stderr, Does.Not.Contain("<x>"));
    }

    [Test]
    public async Task FarFromEveryOption_NoSuggestion()
    {
        var (code, stderr) = await RunAsync("run", "scenarios/none.yaml", "--zzzzzzzzzz");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stderr, Does.Contain("unknown option '--zzzzzzzzzz' for 'harness run'"));
        Assert.That(stderr, Does.Not.Contain("did you mean"));
    }

    [Test]
    public async Task ExistingFileNamedLikeAnOption_IsAPath()
    {
        var name = $"--odd-{Guid.NewGuid():N}.yaml"; // relative: only a relative path can start with "--"
        await File.WriteAllTextAsync(name, "name: [broken\n");
        try
        {
            var (code, stderr) = await RunAsync("validate", name);

            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr, Does.Contain(name).And.Not.Contain("unknown option"));
        }
        finally
        {
            File.Delete(name);
        }
    }
}
