using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios;

public sealed class ProfileTests
{
    private static LoadResult Load(string network)
    {
        var text = $$"""
            name: p
            target: { allow_hosts: [127.0.0.1] }
            network:
            {{network}}
            timeline: [ { phase: a, duration: 1s } ]
            probes: [ { http: { name: api, url: "http://127.0.0.1:1/" } } ]
            """;
        // Placed in the repository's scenarios/ folder so scenarios/profiles is found, as for real files.
        return ScenarioLoader.LoadText(text, Path.Combine(RepositoryPaths.Root, "scenarios", "p.yaml"), "p.yaml");
    }

    [Test]
    public void NetworkProfile_AppliesToEveryProxyAndSplitsTheRoundTrip()
    {
        var result = Load(
            """
              profile: slow-3g
              proxies:
                - { name: a, upstream: 127.0.0.1:1 }
                - { name: b, upstream: 127.0.0.1:2, profile: { name: wpt-3g, rtt: 500ms } }
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var (a, b) = (result.Scenario!.Network.Proxies[0], result.Scenario.Network.Proxies[1]);
        Assert.That(a.Profile!.Name, Is.EqualTo("slow-3g"));
        Assert.That(b.Profile!.Rtt, Is.EqualTo(TimeSpan.FromMilliseconds(500)), "field override");
        Assert.That(b.Profile.DownKilobytesPerSecond, Is.EqualTo(200), "1.6Mbit/s from the named profile");
        var toxics = a.Profile.ToToxics("a");
        Assert.That(
            toxics.Select(t => (t.Type, t.Stream, t.Attributes.First().Value)),
            Is.EqualTo(
                new[]
                {
                    ("latency", ToxicDirection.Upstream, 200L),
                    ("latency", ToxicDirection.Downstream, 200L),
                    ("bandwidth", ToxicDirection.Downstream, 63L),
                    ("bandwidth", ToxicDirection.Upstream, 63L),
                }
            )
        );
    }

    [Test]
    public void LossyProfile_GivesItsLossToxicsTheRoundTrip_SoTheStreamModelRecoversAsLinuxDoes()
    {
        var result = Load(
            """
              proxies:
                - { name: a, upstream: 127.0.0.1:1, profile: jittery-mobile }
                - { name: b, upstream: 127.0.0.1:2, profile: { name: jittery-mobile, rtt: 90ms } }
                - { name: c, upstream: 127.0.0.1:3, profile: { loss: 1% } }
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var proxies = result.Scenario!.Network.Proxies;
        IEnumerable<IReadOnlyDictionary<string, long>> Loss(int proxy, bool packetMode = false) =>
            proxies[proxy].Profile!.ToToxics("x", packetMode).Where(t => t.Type == "loss").Select(t => t.Attributes);
        Assert.That(
            proxies[0].Profile!.ToToxics("a").Where(t => t.Type == "loss").Select(t => t.Stream),
            Is.EqualTo(new[] { ToxicDirection.Upstream, ToxicDirection.Downstream })
        );
        Assert.That(Loss(0), Has.All.EquivalentTo(new Dictionary<string, long> { ["probability_ppm"] = 20_000, ["rtt"] = 150 }));
        Assert.That(Loss(1).Select(a => a["rtt"]), Is.EqualTo(new[] { 90L, 90L }), "the overridden round trip");
        Assert.That(Loss(2), Has.All.EquivalentTo(new Dictionary<string, long> { ["probability_ppm"] = 10_000 }), "no round trip known");
        Assert.That(Loss(0, packetMode: true), Has.All.Not.ContainKey("rtt"), "packet mode: the kernel's TCP recovers");
    }

    [Test]
    public void UnknownProfile_SuggestsAndListsKnownOnes()
    {
        var result = Load(
            """
              profile: slow-3gg
              proxies: [ { name: a, upstream: 127.0.0.1:1 } ]
            """
        );

        Assert.That(
            result.Diagnostics.Single().ToString(),
            Does.StartWith("p.yaml:4:12: unknown profile 'slow-3gg' (did you mean 'slow-3g'?); known: ")
        );
    }

    [Test]
    public void EveryProfileInRepository_LoadsAndHasASource()
    {
        var directory = Path.Combine(RepositoryPaths.Root, "scenarios", "profiles");
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var result = Load($"  profile: {name}\n  proxies: [ {{ name: a, upstream: 127.0.0.1:1 }} ]");
            Assert.That(result.Diagnostics, Is.Empty, name);
            Assert.That(result.Scenario!.Network.Proxies[0].Profile!.Source, Is.Not.Null.And.Not.Empty, $"{name} names its source");
        }
    }
}
