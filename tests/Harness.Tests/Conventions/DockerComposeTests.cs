using Harness.Scenarios.Loading;
using Harness.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Conventions;

/// <summary>
/// docker-compose.yml without a Docker engine: every service has a healthcheck, the harness starts only once all of
/// them are healthy and retries the Toxiproxy API, and the compose smoke scenario uses both LiveRoom regions.
/// </summary>
public sealed class DockerComposeTests
{
    private static YamlMappingNode Services()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"))));
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["services"];
    }

    private static YamlMappingNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    [Test]
    public void EveryService_HasAHealthcheckWithATest()
    {
        foreach (var (name, service) in Services().Children)
        {
            var healthcheck = Child((YamlMappingNode)service, "healthcheck");
            Assert.That(healthcheck, Is.Not.Null, $"service {name} has no healthcheck");
            var command =
                healthcheck!.Children.TryGetValue(new YamlScalarNode("test"), out var test)
                && test is YamlSequenceNode { Children.Count: > 1 };
            Assert.That(command, Is.True, $"service {name}: healthcheck.test must be a command (CMD or CMD-SHELL form)");
            Assert.That(healthcheck.Children.ContainsKey(new YamlScalarNode("retries")), Is.True, $"service {name}: healthcheck.retries");
        }
    }

    [Test]
    public void Harness_WaitsForEveryOtherServiceToBeHealthy_AndRetriesTheToxiproxyApi()
    {
        var services = Services();
        var harness = (YamlMappingNode)services["harness"];
        var dependsOn = Child(harness, "depends_on");
        Assert.That(dependsOn, Is.Not.Null);
        var others = services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(n => n != "harness").ToList();
        Assert.That(dependsOn!.Children.Keys.Select(k => ((YamlScalarNode)k).Value), Is.EquivalentTo(others));
        foreach (var (name, condition) in dependsOn.Children)
        {
            var value = ((YamlScalarNode)((YamlMappingNode)condition)["condition"]).Value;
            Assert.That(value, Is.EqualTo("service_healthy"), $"depends_on {name}");
        }
        var command = ((YamlSequenceNode)harness["command"]).Children.Select(c => ((YamlScalarNode)c).Value).ToList();
        Assert.That(command, Does.Contain("--toxiproxy-wait"), "the harness retries the Toxiproxy API for a while");
    }

    [Test]
    public void ComposeSmoke_UsesBothLiveRoomRegions_WithACrossRegionLink()
    {
        var liverooms = Services()
            .Children.Keys.Select(k => ((YamlScalarNode)k).Value!)
            .Where(n => n.StartsWith("liveroom-", StringComparison.Ordinal))
            .ToList();
        var result = ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Root, "scenarios", "compose", "smoke.yaml"));

        Assert.That(result.Diagnostics, Is.Empty);
        var upstreams = result.Scenario!.Network.Proxies.Select(p => p.UpstreamAddress?.Split(':')[0]).ToList();
        Assert.That(liverooms, Has.Count.EqualTo(2));
        foreach (var liveroom in liverooms)
            Assert.That(upstreams, Does.Contain(liveroom), $"{liveroom} is used");
        var link = result.Scenario.Network.Proxies.Single(p => p.Hosts.Count == 0);
        Assert.That(link.Profile?.Rtt, Is.GreaterThan(TimeSpan.Zero), $"the link {link.Name} carries an inter-region round trip");
        var eu = (YamlMappingNode)Services()["liveroom-eu-west"];
        var environment = ((YamlMappingNode)eu["environment"]).Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => ((YamlScalarNode)e.Value).Value
        );
        Assert.That(
            environment["LiveRoom__Relay__Peers__us-east"],
            Does.EndWith($":{link.Listen.Split(':')[1]}"),
            "eu-west relays us-east's room through the link"
        );
    }
}
