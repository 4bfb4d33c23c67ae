using System.Text.Json;
using Harness.Scenarios.Loading;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios;

/// <summary>The editor schema must know every key the loader accepts, or editors flag valid files.</summary>
public sealed class ScenarioSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "scenario.schema.json"))).RootElement;

    private static IEnumerable<string> Keys(params string[] path)
    {
        var node = Schema;
        foreach (var step in path) node = step == "[]" ? node.GetProperty("items") : node.GetProperty("properties").GetProperty(step);
        return node.GetProperty("properties").EnumerateObject().Select(p => p.Name);
    }

    [Test]
    public void Schema_DeclaresEveryLoaderKey()
    {
        Assert.That(Keys(), Is.SupersetOf(ScenarioKeys.Root));
        Assert.That(Keys("target"), Is.SupersetOf(ScenarioKeys.Target));
        Assert.That(Keys("services", "[]"), Is.SupersetOf(ScenarioKeys.Service));
        Assert.That(Keys("network"), Is.SupersetOf(ScenarioKeys.Network));
        Assert.That(Keys("network", "proxies", "[]"), Is.SupersetOf(ScenarioKeys.Proxy));
        Assert.That(Keys("timeline", "[]"), Is.SupersetOf(ScenarioKeys.Phase));
        Assert.That(Keys("timeline", "[]", "toxics", "[]"), Is.SupersetOf(ScenarioKeys.ToxicCommon.Concat(ScenarioKeys.ToxicAttributes)));
        Assert.That(Keys("timeline", "[]", "events", "[]"), Is.SupersetOf(ScenarioKeys.Event));
        var probeKinds = Schema.GetProperty("properties").GetProperty("probes").GetProperty("items").GetProperty("oneOf").EnumerateArray()
            .ToDictionary(p => p.GetProperty("required")[0].GetString()!, p => p.GetProperty("properties").EnumerateObject().Single().Value);
        foreach (var (kind, keys) in ScenarioKeys.ProbeSettings)
        {
            Assert.That(probeKinds[kind].GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.SupersetOf(keys), kind);
        }
    }

    [Test]
    public void Schema_DeclaresThresholdEntryAndBrowserNetworkKeys()
    {
        var entry = Schema.GetProperty("properties").GetProperty("thresholds").GetProperty("additionalProperties").GetProperty("oneOf")[1]
            .GetProperty("items").GetProperty("oneOf")[1];
        Assert.That(entry.GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(ScenarioKeys.ThresholdEntry));
        var browserNetwork = Schema.GetProperty("properties").GetProperty("timeline").GetProperty("items").GetProperty("properties").GetProperty("events")
            .GetProperty("items").GetProperty("properties").GetProperty("browser_network").GetProperty("oneOf")[1];
        Assert.That(browserNetwork.GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(ScenarioKeys.BrowserNetwork));
    }

    [Test]
    public void EveryScenario_PointsEditorsAtTheSchema()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories).Where(f => !f.Contains("/profiles/", StringComparison.Ordinal)))
        {
            Assert.That(File.ReadLines(file).First(), Does.StartWith("# yaml-language-server: $schema=").And.EndWith("schema/scenario.schema.json"), file);
        }
    }
}
