using System.Text.Json;
using Harness.Reports;
using Harness.Reports.Model;
using Harness.Tests.Reports;
using Harness.TestSupport;

namespace Harness.Tests.Health;

public sealed class HealthResultsTests
{
    private static readonly SchemaValidator Schema = SchemaValidator.Load(
        Path.Combine(RepositoryPaths.Root, "schema", "results.schema.json")
    );

    private static RunResults Inconclusive()
    {
        var metric = ReportFixtures.Results().Probes[0].Metrics[0] with { Name = "harness_timer_lag" };
        return ReportFixtures.Results() with
        {
            Status = RunStatus.Inconclusive,
            ExitCode = 4,
            Health = new HealthResult(
                [metric],
                [new PhaseHealthResult("slow", 340, 95, 1.7, true, "timer lag p99 340 ms")],
                new HealthBoundsResult(50, 90),
                2
            )
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

    [Test]
    public void Reports_InconclusiveRun_SayWhyInTheVerdictAndShowEveryPhase()
    {
        var results = Inconclusive();

        var html = Harness.Reports.Html.HtmlReport.Render(results);
        var markdown = Harness.Reports.Markdown.SummaryMarkdown.Render(results);

        Assert.That(html, Does.Contain("<div class=\"verdict inconclusive\">INCONCLUSIVE</div>"));
        Assert.That(html, Does.Contain("FAILED - unreliable: the harness was saturated in phase slow, timer lag p99 340 ms"));
        Assert.That(html, Does.Contain("<section id=\"health\">").And.Contain("340 ms").And.Contain("yes: timer lag p99 340 ms"));
        Assert.That(markdown, Does.StartWith("## ⚠️ demo: INCONCLUSIVE"));
        Assert.That(markdown, Does.Contain("### Measurement health").And.Contain("| slow | 340 ms | 95 % | 1.7 |"));
    }

    [Test]
    public void Reports_PassedRunWithWarning_ShowTheWarningAndStayPassed()
    {
        var results = ReportFixtures.Results(failing: false) with
        {
            Health = Inconclusive().Health! with
            {
                Verdict = null,
                Warning = "the harness was saturated in phase slow, timer lag p99 340 ms",
            },
        };

        var markdown = Harness.Reports.Markdown.SummaryMarkdown.Render(results);

        Assert.That(markdown, Does.StartWith("## ✅ demo: PASSED"));
        Assert.That(markdown, Does.Contain("**warning: the harness was saturated in phase slow, timer lag p99 340 ms**"));
    }
}
