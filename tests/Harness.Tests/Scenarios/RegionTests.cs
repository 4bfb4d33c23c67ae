using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

public sealed class RegionTests
{
    private static LoadResult Load(string probes, string rtt = "us-east/eu-west: 75ms\n    us-east/ap-southeast: 225ms") =>
        ScenarioLoader.LoadText(
            $$"""
            name: r
            regions:
              rtt:
                {{rtt}}
            target: { allow_hosts: [us.app.test, eu.app.test, ap.app.test] }
            services:
              - { name: us, region: us-east, host: us.app.test, command: [x], port: auto }
              - { name: eu, region: eu-west, host: eu.app.test, command: [x], port: auto }
              - { name: ap, region: ap-southeast, host: ap.app.test, command: [x], port: auto }
            timeline: [ { phase: a, duration: 1s } ]
            probes:
            {{probes}}
            """,
            "/tmp/r.yaml",
            "r.yaml"
        );

    [Test]
    public void Regions_OneProxyPerCrossedLink_WithHalfTheRoundTripEachWay()
    {
        var result = Load(
            """
              - websocket: { name: a, region: us-east, url: ws://eu.app.test/ws }
              - websocket: { name: b, region: us-east, url: ws://eu.app.test/ws }
              - http: { name: c, region: eu-west, url: http://eu.app.test/ }
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var proxies = result.Scenario!.Network.Proxies;
        Assert.That(
            proxies.Select(p => (p.Name, p.UpstreamService, string.Join(",", p.ForProbes!))),
            Is.EqualTo(new[] { ("us-east--eu-west--eu", "eu", "a,b"), ("eu-west--eu-west--eu", "eu", "c") }),
            "only the links probes cross; probes sharing a link share its proxy"
        );
        var latency = proxies[0].Profile!.ToToxics(proxies[0].Name).Select(t => t.Attributes["latency"]).ToList();
        Assert.That(latency, Is.EqualTo(new[] { 37L, 38L }), "the two directions add up to the 75 ms round trip");
        Assert.That(
            result.Scenario.RegionRtt[("eu-west", "us-east")],
            Is.EqualTo(TimeSpan.FromMilliseconds(75)),
            "the matrix is symmetric"
        );
    }

    [TestCase("  - http: { name: a, region: us-eats, url: http://eu.app.test/ }", "unknown region 'us-eats' (did you mean 'us-east'?)")]
    [TestCase(
        "  - http: { name: a, region: ap-southeast, url: http://eu.app.test/ }",
        "regions.rtt has no round trip for ap-southeast/eu-west"
    )]
    public void Regions_Invalid_AreLocatedErrors(string probes, string expected)
    {
        var result = Load(probes);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected).And.All.Match(@"^r\.yaml:\d+:\d+: "));
    }

    [Test]
    public void Regions_BadPair_IsRejected()
    {
        var result = Load("  - http: { name: a, url: http://eu.app.test/ }", rtt: "us-east-eu-west: 75ms");

        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.Contains("must name two different regions as a/b"));
    }
}
