using Harness.Cli;
using Harness.Scenarios.Loading;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios;

public sealed class PlanTests
{
    public static IEnumerable<string> ScenarioFiles() =>
        ScenarioLoader
            .Expand([Path.Combine(RepositoryPaths.Root, "scenarios")])
            .Files.Select(f => Path.GetRelativePath(RepositoryPaths.Root, f));

    [TestCaseSource(nameof(ScenarioFiles))]
    public void Plan_EveryScenario_NamesItsProxiesPhasesProbesAndThresholds(string file)
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Root, file));
        Assert.That(result.Diagnostics, Is.Empty);

        foreach (var scenario in result.Cells)
        {
            var plan = PlanCommand.Describe(scenario).ToList();
            Assert.That(plan[0], Does.StartWith($"scenario {scenario.DisplayName}"));
            Assert.That(plan.Count(l => l.StartsWith("  phase ", StringComparison.Ordinal)), Is.EqualTo(scenario.Timeline.Count));
            Assert.That(plan.Count(l => l.StartsWith("  probe ", StringComparison.Ordinal)), Is.EqualTo(scenario.Probes.Count));
            Assert.That(plan.Count(l => l.StartsWith("  proxy ", StringComparison.Ordinal)), Is.EqualTo(scenario.Network.Proxies.Count));
            Assert.That(plan.Count(l => l.StartsWith("  threshold ", StringComparison.Ordinal)), Is.EqualTo(scenario.Thresholds.Count));
        }
    }
}
