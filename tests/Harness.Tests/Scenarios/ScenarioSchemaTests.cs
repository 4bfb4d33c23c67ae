using System.Text.Json;
using Harness.Scenarios.Loading;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios;

/// <summary>
/// The editor schema's nested shapes match the loader; the key sets of every section are compared both ways in
/// Truth/DocumentedKeysTests, and whole files are validated in Schema/ShippedScenarioSchemaTests.
/// </summary>
public sealed class ScenarioSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument
        .Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "scenario.schema.json")))
        .RootElement;

    [Test]
    public void Schema_DeclaresThresholdEntryAndBrowserNetworkKeys()
    {
        var entry = Schema
            .GetProperty("properties")
            .GetProperty("thresholds")
            .GetProperty("additionalProperties")
            .GetProperty("oneOf")[1]
            .GetProperty("items")
            .GetProperty("oneOf")[1];
        Assert.That(entry.GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(ScenarioKeys.ThresholdEntry));
        var browserNetwork = Schema
            .GetProperty("properties")
            .GetProperty("timeline")
            .GetProperty("items")
            .GetProperty("properties")
            .GetProperty("events")
            .GetProperty("items")
            .GetProperty("properties")
            .GetProperty("browser_network")
            .GetProperty("oneOf")[1];
        Assert.That(
            browserNetwork.GetProperty("properties").EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(ScenarioKeys.BrowserNetwork)
        );
    }

    [Test]
    public void EveryScenario_PointsEditorsAtTheSchema()
    {
        foreach (
            var file in Directory
                .EnumerateFiles(Path.Combine(RepositoryPaths.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/profiles/", StringComparison.Ordinal))
        )
        {
            Assert.That(
                File.ReadLines(file).First(),
                Does.StartWith("# yaml-language-server: $schema=").And.EndWith("schema/scenario.schema.json"),
                file
            );
        }
    }
}
