using System.Text.Json;
using Harness.Reports;
using Harness.Reports.Model;
using Harness.Tests.Reports;
using Harness.TestSupport;

namespace Harness.Tests.Health;

public sealed class HealthResultsTests
{
    private static readonly SchemaValidator Schema = SchemaValidator.Load(Path.Combine(RepositoryPaths.Root, "schema", "results.schema.json"));

    private static RunResults Inconclusive()
    {
        var metric = ReportFixtures.Results().Probes[0].Metrics[0] with { Name = "harness_timer_lag" };
        return ReportFixtures.Results() with
        {
            Status = RunStatus.Inconclusive,
            ExitCode = 4,
            Health = new HealthResult([metric], [new PhaseHealthResult("slow", 340, 95, 1.7, true, "timer lag p99 340 ms")], new HealthBoundsResult(50, 90, 1.5), 2)
            {
                Verdict = "FAILED - unreliable: the harness was saturated in phase slow, timer lag p99 340 ms",
            },
        };
    }

    [Test]
    public void HealthSection_IsDeclaredInTheSchemaAndRoundTrips()
    {
        var json = JsonSerializer.Serialize(Inconclusive(), ResultsJson.Options);

        Assert.That(Schema.Validate(JsonDocument.Parse(json).RootElement), Is.Empty);
        Assert.That(json, Does.Contain("\"status\": \"inconclusive\"").And.Contain("\"timer_lag_p99_ms\": 340"));
        var again = JsonSerializer.Deserialize<RunResults>(json, ResultsJson.Options)!;
        Assert.That(again.Health!.Verdict, Is.EqualTo(Inconclusive().Health!.Verdict));
    }
}
