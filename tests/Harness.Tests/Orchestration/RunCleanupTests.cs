using System.Text.Json;
using Harness.Orchestration;
using Harness.Reports.Model;
using Harness.Scenarios.Loading;

namespace Harness.Tests.Orchestration;

/// <summary>A run whose cleanup partly fails still undoes everything else and still writes results.json.</summary>
public sealed class RunCleanupTests
{
    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("harness-cleanup-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task RunAsync_ACleanupStepFails_OthersRunAndResultsSayErrorWithThatStep()
    {
        var scenario = ScenarioLoader
            .LoadText(
                """
                name: cleanup
                target: { allow_hosts: [127.0.0.1] }
                services: [ { name: idle, command: [sleep, "60"] } ]
                network: { proxies: [ { name: edge, upstream: "127.0.0.1:9" } ] }
                timeline: [ { phase: a, duration: 1s } ]
                probes: [ { http: { name: api, url: "http://127.0.0.1:9/", every: 200ms } } ]
                """,
                Path.Combine(_root, "s.yaml"),
                "s.yaml"
            )
            .Scenario!;
        var directory = Path.Combine(_root, "run");
        Directory.CreateDirectory(directory);
        // A directory where the embedded server's decisions file goes makes that one cleanup step fail.
        Directory.CreateDirectory(Path.Combine(directory, "artifacts", "impairment-decisions.json"));
        var options = new RunOptions(_root, 7, null, "harness run s.yaml")
        {
            Placement = new ReportPlacement(directory, "run-1", Path.Combine(_root, "history.db")),
        };

        var outcome = await new ScenarioRunner(TimeProvider.System, _ => { }).RunAsync(scenario, options, CancellationToken.None);

        Assert.That(outcome.Results.Status, Is.EqualTo(RunStatus.Error));
        Assert.That(outcome.Results.ExitCode, Is.EqualTo(ExitCodes.InfrastructureUnusable));
        Assert.That(outcome.Results.Errors, Has.Some.StartsWith("cleanup 'write the impairment decisions' failed: "));
        Assert.That(outcome.Results.Services.Single().ExitCode, Is.Not.Null, "the service was still stopped after the failed step");
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "results.json")));
        Assert.That(written.RootElement.GetProperty("status").GetString(), Is.EqualTo("error"));
    }
}
