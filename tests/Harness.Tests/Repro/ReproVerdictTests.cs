using Harness.Reports.Model;
using Harness.Repro;

namespace Harness.Tests.Repro;

public sealed class ReproVerdictTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly StepResult Loaded = new(0, "goto", "goto /", "passed", 120, null);
    private static readonly StepResult Shot = new(1, "screenshot", "screenshot loaded", "passed", 30, null);

    [Test]
    public void Judge_GotoFailedAndTargetRefuses_IsUnusable()
    {
        var results = Results(RunStatus.Failed, Steps(Failed("goto", "net::ERR_EMPTY_RESPONSE at http://127.0.0.1:9/\nCall log:\n  - x")));

        var verdict = ReproVerdict.Judge(results, false, "nothing is listening on 127.0.0.1:9 (connection refused)");

        Assert.That(
            verdict,
            Is.EqualTo(
                new ReproVerdict(
                    3,
                    "target unusable: nothing is listening on 127.0.0.1:9 (connection refused); "
                        + "the browser saw: net::ERR_EMPTY_RESPONSE at http://127.0.0.1:9/"
                )
            )
        );
    }

    [Test]
    public void Judge_GotoFailedOnAReachableTarget_FailsWithTheBrowsersReason()
    {
        var results = Results(RunStatus.Failed, Steps(Failed("goto", "HTTP 404 Not Found for http://127.0.0.1:9/")));

        var verdict = ReproVerdict.Judge(results, false, null);

        Assert.That(verdict, Is.EqualTo(new ReproVerdict(1, "navigation failed: HTTP 404 Not Found for http://127.0.0.1:9/")));
    }

    [Test]
    public void Judge_UncaughtPageError_Fails()
    {
        var error = new MessageResult("pageerror", "main", 1, Start, "TypeError: x is undefined", "http://a/app.js");
        var results = Results(RunStatus.Failed, Steps(Loaded, Shot), error);

        var verdict = ReproVerdict.Judge(results, false, null);

        Assert.That(
            verdict,
            Is.EqualTo(new ReproVerdict(1, "the page threw 1 uncaught error(s); first: TypeError: x is undefined at http://a/app.js"))
        );
    }

    [Test]
    public void Judge_ConsoleErrorsOnly_Passes() =>
        Assert.That(
            ReproVerdict.Judge(
                Results(RunStatus.Passed, Steps(Loaded, Shot), new MessageResult("consoleerror", "main", 1, Start, "favicon 404", null)),
                false,
                null
            ),
            Is.EqualTo(new ReproVerdict(0, null))
        );

    [Test]
    public void Judge_StepsCutOffByTheDuration_FailsUnlessInteractive()
    {
        var cut = Results(RunStatus.Passed, Steps(Loaded, Shot) with { Error = "stopped before the steps finished" });

        Assert.That(ReproVerdict.Judge(cut, interactive: false, null).ExitCode, Is.EqualTo(1));
        Assert.That(ReproVerdict.Judge(cut, interactive: false, null).Reason, Does.Contain("raise --duration"));
        Assert.That(ReproVerdict.Judge(cut, interactive: true, null), Is.EqualTo(new ReproVerdict(0, null)));
    }

    [Test]
    public void Judge_CtrlC_IsAnInterruptionUnlessInteractiveAfterTheLoad()
    {
        var loaded = Results(RunStatus.Interrupted, Steps(Loaded, Shot) with { Error = "stopped before the steps finished" });
        var loading = Results(RunStatus.Interrupted, Steps() with { Error = "stopped before the steps finished" });

        Assert.That(ReproVerdict.Judge(loaded, interactive: false, null).ExitCode, Is.EqualTo(130));
        Assert.That(ReproVerdict.Judge(loaded, interactive: true, null), Is.EqualTo(new ReproVerdict(0, null)));
        Assert.That(ReproVerdict.Judge(loading, interactive: true, null).ExitCode, Is.EqualTo(130));
    }

    [Test]
    public void Judge_NoIterationOrRunError_IsUnusable()
    {
        Assert.That(ReproVerdict.Judge(Results(RunStatus.Passed, null), false, null).ExitCode, Is.EqualTo(3));
        Assert.That(
            ReproVerdict.Judge(Results(RunStatus.Error, null) with { Errors = ["the Toxiproxy API is not usable"] }, false, null),
            Is.EqualTo(new ReproVerdict(3, "the Toxiproxy API is not usable"))
        );
    }

    private static StepResult Failed(string kind, string error) => new(0, kind, $"{kind} /", "failed", 50, error);

    private static IterationResult Steps(params StepResult[] steps) =>
        new("main", 1, Start, 1000, steps.All(s => s.Outcome == "passed"), null, steps);

    private static RunResults Results(RunStatus status, IterationResult? iteration, params MessageResult[] messages)
    {
        var page = new ProbeResult("page", "browser", "/", []) { Iterations = iteration is null ? [] : [iteration], Messages = messages };
        var code = status switch
        {
            RunStatus.Passed => 0,
            RunStatus.Failed => 1,
            RunStatus.Interrupted => 130,
            _ => 3,
        };
        return new RunResults(
            RunResults.CurrentSchemaVersion,
            "run",
            status,
            code,
            new ScenarioInfo("repro", null, [], "repro.yaml", 1),
            Start,
            Start.AddSeconds(20),
            "./harness repro",
            new EnvironmentInfo("m", "Linux", ".NET 10", "1.0", "external", "http://127.0.0.1:1/", "2.12.0"),
            [],
            [],
            [],
            [page],
            [],
            [],
            []
        );
    }
}
