using Harness.Cli;

namespace Harness.Tests.Reports.Compare;

public sealed class AlternatingRequestTests
{
    private static readonly Dictionary<string, string> None = [];

    [Test]
    public void Problems_MatchingSides_None()
    {
        var request = new AlternatingRequest(
            new Dictionary<string, string> { ["v"] = "1" },
            new Dictionary<string, string> { ["v"] = "2" },
            2
        );

        Assert.That(request.Problems(new Dictionary<string, string> { ["other"] = "x" }), Is.Empty);
    }

    [Test]
    public void Problems_OnlyOneSide_SaysTheyGoTogether()
    {
        var request = new AlternatingRequest(new Dictionary<string, string> { ["v"] = "1" }, None, 2);

        Assert.That(
            request.Problems(None),
            Is.EqualTo(
                new[] { "--baseline and --candidate go together: give both, e.g. --baseline api_delay_ms=0 --candidate api_delay_ms=100" }
            )
        );
    }

    [Test]
    public void Problems_EveryMistake_IsCollected()
    {
        var request = new AlternatingRequest(
            new Dictionary<string, string> { ["a"] = "1", ["shared"] = "1" },
            new Dictionary<string, string> { ["b"] = "2", ["shared"] = "2" },
            0
        );

        var problems = request.Problems(new Dictionary<string, string> { ["shared"] = "0" });

        Assert.That(
            problems,
            Is.EqualTo(
                new[]
                {
                    "--baseline sets a but --candidate does not; both sides must set the same variables",
                    "--candidate sets b but --baseline does not; both sides must set the same variables",
                    "--var shared is also set by --baseline/--candidate; set it in one place",
                    "--rounds must be between 1 and 50, got 0",
                }
            )
        );
    }

    [Test]
    public void Describe_SortsByName() =>
        Assert.That(AlternatingRequest.Describe(new Dictionary<string, string> { ["b"] = "2", ["a"] = "x=y" }), Is.EqualTo("a=x=y b=2"));

    [Test]
    public void VariableArguments_ValueWithEquals_SplitsAtTheFirstOnly()
    {
        var errors = new List<string>();

        var values = VariableArguments.Parse(["url=http://h/?a=b", "empty="], "--var", errors);

        Assert.That(errors, Is.Empty);
        Assert.That(values, Is.EqualTo(new Dictionary<string, string> { ["url"] = "http://h/?a=b", ["empty"] = "" }));
    }

    [Test]
    public void VariableArguments_Mistakes_AreAllReported()
    {
        var errors = new List<string>();

        VariableArguments.Parse(["novalue", "=x", "a=1", "a=2"], "--baseline", errors);

        Assert.That(
            errors,
            Is.EqualTo(
                new[]
                {
                    "--baseline 'novalue': expected NAME=VALUE, e.g. --baseline client_version=2.4",
                    "--baseline '=x': expected NAME=VALUE, e.g. --baseline client_version=2.4",
                    "--baseline a is given twice",
                }
            )
        );
    }

    [Test]
    public void ReproduceCommand_RepeatsOneRunWithItsSeedAndVariables() =>
        Assert.That(
            AlternatingCommand.ReproduceCommand(
                ["scenarios/a b.yaml"],
                "cell*",
                5,
                new Dictionary<string, string> { ["v"] = "it's", ["a"] = "1" }
            ),
            Is.EqualTo("./harness run 'scenarios/a b.yaml' --filter 'cell*' --seed 5 --var a=1 --var 'v=it'\\''s'")
        );

    [TestCase(1)]
    [TestCase(3)]
    public void OrderWarning_OddRounds_SaysTheCandidateRanLaterOnAverage(int rounds)
    {
        var request = new AlternatingRequest(
            new Dictionary<string, string> { ["v"] = "1" },
            new Dictionary<string, string> { ["v"] = "2" },
            rounds
        );

        Assert.That(
            request.OrderWarning,
            Does.StartWith($"--rounds {rounds} is odd: the candidate ran 1/{rounds} of a run later on average")
        );
        Assert.That(request.OrderWarning, Does.Contain("use an even number"));
    }

    [TestCase(2)]
    [TestCase(4)]
    public void OrderWarning_EvenRounds_None(int rounds)
    {
        var request = new AlternatingRequest(
            new Dictionary<string, string> { ["v"] = "1" },
            new Dictionary<string, string> { ["v"] = "2" },
            rounds
        );

        Assert.That(request.OrderWarning, Is.Null);
    }
}
