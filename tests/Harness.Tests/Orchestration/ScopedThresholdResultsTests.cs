using System.Text.Json;
using Harness.Metrics;
using Harness.Orchestration;
using Harness.Probes.Abstractions;
using Harness.Reports;
using Harness.Reports.Model;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Orchestration;

/// <summary>Thresholds scoped per tag and per matrix cell, from the loaded scenario through the store to results and reports.</summary>
public sealed class ScopedThresholdResultsTests
{
    private const string Yaml = """
        name: scoped
        target: { base_url: http://app.test, allow_hosts: [app.test] }
        matrix:
          network: [3g, wifi]
        timeline:
          - { phase: baseline, duration: 2s }
        probes:
          - browser:
              name: join
              participants: [ { name: teacher }, { name: student, count: 2 } ]
              steps: [ { goto: /room/1 } ]
        thresholds:
          join:
            - "browser_step_duration max < 1s"
            - "browser_step_duration{participant:teacher} max < 1s"
            - "browser_page_errors{participant:student} count == 0"
            - { threshold: "browser_step_duration{participant:student} p(95) < 5s", when: { network: 3g } }
        """;

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Scenario Cell(string name) =>
        ScenarioLoader.LoadText(Yaml, "/tmp/scoped.yaml", "scoped.yaml").Cells.Single(c => c.Cell!.Name == name);

    private static RunResults Run(Scenario scenario)
    {
        // As the runner builds it: the scopes the thresholds ask for, decided before any sample arrives.
        var store = new MetricStore(scenario.Thresholds.Select(t => t.Scope).OfType<TagScope>());
        void Step(string who, double ms) =>
            store.Add(
                new Sample(
                    "browser_step_duration",
                    ms,
                    Start,
                    new SampleTags("join", "baseline", new Dictionary<string, string> { ["participant"] = who, ["step"] = "0" })
                )
            );
        Step("teacher", 300);
        Step("student-1", 2500);
        Step("student-2", 3000);
        var state = new RunState(scenario, 1, "r", new RunOptions("/tmp", null, null, "cmd"), Start) { Status = RunStatus.Passed };
        state.Phases.Add(new PhaseResult("baseline", Start, Start.AddSeconds(2), 2000, []));
        return ResultsBuilder.Build(state, store, new ProbeGroup(_ => { }), "/tmp/scoped-report", Start.AddSeconds(3));
    }

    [Test]
    public void Results_EvaluateEachTagScopeOnItsOwnSamples()
    {
        var results = Run(Cell("network=3g"));

        var byExpression = results.Thresholds.ToDictionary(t => t.Expression);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byExpression["browser_step_duration max < 1s"].Observed, Is.EqualTo(3000).Within(1).Percent, "unscoped: everyone");
            Assert.That(byExpression["browser_step_duration{participant:teacher} max < 1s"].Passed, Is.True);
            Assert.That(
                byExpression["browser_step_duration{participant:teacher} max < 1s"].Tags,
                Is.EqualTo(new Dictionary<string, string> { ["participant"] = "teacher" })
            );
            Assert.That(
                byExpression["browser_page_errors{participant:student} count == 0"].Observed,
                Is.Zero,
                "the students recorded steps, so their error counter counts 0"
            );
            var cell = byExpression["browser_step_duration{participant:student} p(95) < 5s"];
            Assert.That(cell.Passed, Is.True);
            Assert.That(cell.Observed, Is.EqualTo(3000).Within(1).Percent, "p(95) of the two students' steps");
            Assert.That(cell.When, Is.EqualTo(new Dictionary<string, IReadOnlyList<string>> { ["network"] = ["3g"] }));
            Assert.That(cell.DescribeScope(), Is.EqualTo("participant=student, cells network=3g"));
            Assert.That(results.Status, Is.EqualTo(RunStatus.Failed), "the unscoped threshold failed");
        }
    }

    [Test]
    public void Results_InACellTheScopeDoesNotSelect_LackTheThreshold()
    {
        var results = Run(Cell("network=wifi"));

        Assert.That(results.Thresholds.Select(t => t.Expression), Has.None.Contains("p(95) < 5s"));
        Assert.That(results.Thresholds, Has.Count.EqualTo(3));
    }

    [Test]
    public void Reports_ShowTheScope()
    {
        var results = Run(Cell("network=3g"));
        var failing = results with { Thresholds = [.. results.Thresholds.Select(t => t with { Passed = false })] };

        var junit = JUnitWriter.Render(failing).ToString();
        var json = JsonDocument.Parse(JsonSerializer.Serialize(results, ResultsJson.Options)).RootElement.GetProperty("thresholds")[3];

        var html = Harness.Reports.Html.HtmlReport.Render(results);
        var summary = Harness.Reports.Markdown.SummaryMarkdown.Render(results);

        Assert.That(junit, Does.Contain("browser_step_duration p(95) for participant=student in cells network=3g observed"));
        Assert.That(html, Does.Contain("scope: participant=student, cells network=3g"));
        Assert.That(summary, Does.Contain("(participant=student, cells network=3g)"));
        Assert.That(json.GetProperty("tags").GetProperty("participant").GetString(), Is.EqualTo("student"));
        Assert.That(json.GetProperty("when").GetProperty("network")[0].GetString(), Is.EqualTo("3g"));
    }
}
