using Harness.Cli;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios;

public sealed class ReproYamlTests
{
    private static LoadResult Load(string yaml) =>
        ScenarioLoader.LoadText(yaml, Path.Combine(RepositoryPaths.Root, "scenarios", "repro.yaml"), "repro.yaml");

    [Test]
    public void Yaml_AdHocNetwork_IsAValidScenarioWithThatProfile()
    {
        var yaml = ReproCommand.Yaml(
            new Uri("http://127.0.0.1:5080/room/1?x=1"),
            null,
            "300ms",
            "40ms",
            "1.5%",
            "500KB/s",
            "20s",
            7,
            headed: false
        );

        var result = Load(yaml);

        Assert.That(result.Diagnostics, Is.Empty, yaml);
        var scenario = result.Scenario!;
        var profile = scenario.Network.Proxies.Single().Profile!;
        Assert.That(
            (profile.Rtt, profile.Jitter, profile.LossPercent, profile.DownKilobytesPerSecond),
            Is.EqualTo((TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(40), 1.5, 500L))
        );
        var browser = (BrowserProbeSpec)scenario.Probes.Single();
        Assert.That(browser.Headless, Is.True);
        Assert.That(((Harness.Probes.Browser.GotoStep)browser.Steps[0]).Url, Is.EqualTo("/room/1?x=1"));
        Assert.That(scenario.Seed, Is.EqualTo(7));
    }

    [Test]
    public void Yaml_NamedProfileWithOverride_Loads()
    {
        var result = Load(
            ReproCommand.Yaml(new Uri("https://staging.example.test/"), "slow-3g", "500ms", null, null, null, "10s", 1, headed: true)
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var profile = result.Scenario!.Network.Proxies.Single().Profile!;
        Assert.That((profile.Name, profile.Rtt), Is.EqualTo(("slow-3g", (TimeSpan?)TimeSpan.FromMilliseconds(500))));
        Assert.That(((BrowserProbeSpec)result.Scenario.Probes.Single()).Headless, Is.False);
    }
}
