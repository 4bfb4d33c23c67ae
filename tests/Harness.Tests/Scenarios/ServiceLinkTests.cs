using Harness.Orchestration;
using Harness.Scenarios.Loading;

namespace Harness.Tests.Scenarios;

/// <summary><c>regions.links</c>: server-to-server links, their ports for services, their thresholds, and optional regions.</summary>
public sealed class ServiceLinkTests
{
    private static LoadResult Load(
        string links,
        string thresholds = "",
        string extra = "",
        string euCommand = "[x, \"http://${link:us}\"]"
    ) =>
        ScenarioLoader.LoadText(
            $$"""
            name: r
            regions:
              rtt: { us-east/eu-west: 76ms, us-east/ap-southeast: 227ms }
              local: 1ms
              jitter: 4ms
            {{extra}}
              links:
            {{links}}
            target: { allow_hosts: [us.app.test, eu.app.test, ap.app.test] }
            services:
              - { name: us, region: us-east, host: us.app.test, command: [x], port: auto }
              - { name: us2, region: us-east, host: us2.app.test, command: [x, "${link:us}"], port: auto }
              - { name: eu, region: eu-west, host: eu.app.test, command: {{euCommand}}, env: { PEER: "${link:us}" }, port: auto }
              - { name: ap, region: ap-southeast, host: ap.app.test, command: [x, "${link:us}"], port: auto }
            timeline: [ { phase: a, duration: 1s } ]
            probes:
              - http: { name: eu-local, region: eu-west, url: http://eu.app.test/ }
              - http: { name: ap-local, region: ap-southeast, url: http://ap.app.test/ }
            thresholds: {{(thresholds.Length == 0 ? "{}" : "\n" + thresholds)}}
            """,
            "/tmp/r.yaml",
            "r.yaml"
        );

    private const string AllLinks = """
            - { from: eu, to: us }
            - { from: us2, to: us, name: canary }
            - { from: ap, to: us }
        """;

    [Test]
    public void Links_EachBecomesAProxyToItsTargetWithTheRegionsRoundTripAndJitter()
    {
        var result = Load(AllLinks);

        Assert.That(result.Diagnostics, Is.Empty);
        var links = result.Scenario!.Network.Proxies.Where(p => p.Link is not null).ToList();
        Assert.That(
            links.Select(p => (p.Name, p.UpstreamService, p.Profile!.Rtt, p.Profile.Jitter)),
            Is.EqualTo(
                new[]
                {
                    ("eu--us", "us", (TimeSpan?)TimeSpan.FromMilliseconds(76), (TimeSpan?)TimeSpan.FromMilliseconds(4)),
                    ("canary", "us", TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4)),
                    ("ap--us", "us", TimeSpan.FromMilliseconds(227), TimeSpan.FromMilliseconds(4)),
                }
            )
        );
        Assert.That(
            links.Select(p => (p.Link!.FromRegion, p.Link.ToRegion)),
            Is.EqualTo(new[] { ("eu-west", "us-east"), ("us-east", "us-east"), ("ap-southeast", "us-east") })
        );
        Assert.That(links.All(p => p.Hosts.Count == 0 && p.ForProbes!.Count == 0), Is.True, "no probe routes through a service link");
    }

    [Test]
    public void Ports_LinkReferencesExpandToTheLinksOwnLoopbackPort()
    {
        var scenario = Load(AllLinks).Scenario!;
        var next = 40000;

        var placed = ServiceLinkPorts.Assign(scenario, () => next++);

        var listen = placed.Network.Proxies.Where(p => p.Link is not null).ToDictionary(p => p.Name, p => p.Listen);
        Assert.That(
            listen,
            Is.EqualTo(
                new Dictionary<string, string>
                {
                    ["eu--us"] = "127.0.0.1:40000",
                    ["canary"] = "127.0.0.1:40001",
                    ["ap--us"] = "127.0.0.1:40002",
                }
            )
        );
        var eu = placed.Services.Single(s => s.Name == "eu");
        Assert.That(eu.Command, Is.EqualTo(new[] { "x", "http://127.0.0.1:40000" }));
        Assert.That(eu.Environment["PEER"], Is.EqualTo("127.0.0.1:40000"));
        Assert.That(
            placed.Services.Single(s => s.Name == "us2").Command[1],
            Is.EqualTo("127.0.0.1:40001"),
            "each service gets its own link"
        );
    }

    [TestCase("    - { from: eu, to: uss }", "regions.links: 'to' names no service 'uss' (did you mean 'us'?)")]
    [TestCase("    - { from: eu, to: eu }", "a link joins two different services")]
    [TestCase("    - { from: eu, to: us }\n    - { from: eu, to: us, name: again }", "a link from 'eu' to 'us' is declared twice")]
    [TestCase("    - { from: eu, to: us, name: eu-local }", "the name 'eu-local' is already used by a proxy or probe")]
    public void Links_Invalid_AreLocatedErrors(string links, string expected)
    {
        var result = Load(links);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected).And.All.Match(@"^r\.yaml:\d+:\d+: "));
    }

    [Test]
    public void Reference_ToAServiceWithoutALinkFromThisOne_IsAnError()
    {
        var result = Load("    - { from: eu, to: us }", euCommand: "[x, \"${link:ap}\"]");

        Assert.That(
            result.Diagnostics.Select(d => d.Message),
            Has.Some.Contains("${link:ap}: service 'eu' has no link to 'ap' under regions.links").And.Some.Contains("its links lead to us")
        );
    }

    [Test]
    public void Thresholds_KeyedByALink_JudgeItsLinkMetrics()
    {
        var result = Load(
            AllLinks,
            thresholds: """
              eu--us: [ "link_req_abandoned rate < 5%", "link_wait{phase:a} med < 200ms", "link_abandoned count == 0" ]
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(
            result.Scenario!.Thresholds.Select(t => (t.Probe, t.Expression.Metric)),
            Is.EqualTo(new[] { ("eu--us", "link_req_abandoned"), ("eu--us", "link_wait"), ("eu--us", "link_abandoned") })
        );
    }

    [TestCase("eu--us: [ \"http_req_failed rate < 1%\" ]", "metric 'http_req_failed' is not measured by link 'eu--us'")]
    [TestCase("eu--us: [ \"link_wait{status:200} med < 1s\" ]", "link 'eu--us' tags its samples with nothing but phase")]
    [TestCase("eu-local: [ \"link_wait med < 1s\" ]", "metric 'link_wait' is not measured by http probe 'eu-local'")]
    public void Thresholds_OnLinks_Invalid_AreErrors(string thresholds, string expected)
    {
        var result = Load(AllLinks, thresholds: "  " + thresholds);

        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.Contains(expected));
    }

    [Test]
    public void Optional_LeftOut_DropsItsServicesProbesLinksAndTheirThresholds()
    {
        var result = Load(
            AllLinks,
            thresholds: "  ap--us: [ \"link_wait count > 1\" ]\n  ap-local: [ \"http_req_failed rate < 1%\" ]",
            extra: "  optional: [ap-southeast]\n  include_optional: \"false\""
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var scenario = result.Scenario!;
        Assert.That(scenario.Services.Select(s => s.Name), Is.EqualTo(new[] { "us", "us2", "eu" }));
        Assert.That(scenario.Probes.Select(p => p.Name), Is.EqualTo(new[] { "eu-local" }));
        Assert.That(scenario.Network.Proxies.Where(p => p.Link is not null).Select(p => p.Name), Is.EqualTo(new[] { "eu--us", "canary" }));
        Assert.That(scenario.Thresholds, Is.Empty);
    }

    [Test]
    public void Optional_LeftOut_IsStillChecked()
    {
        var result = Load(AllLinks, thresholds: "  ap--us: [ \"link_wiat count > 1\" ]", extra: "  optional: [ap-southeast]");

        Assert.That(
            result.Diagnostics.Select(d => d.Message),
            Has.Some.Contains("link_wiat"),
            "a mistake in a left-out region fails the small run too"
        );
    }

    [Test]
    public void Optional_Included_KeepsEverything()
    {
        var result = Load(AllLinks, extra: "  optional: [ap-southeast]\n  include_optional: \"true\"");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Services, Has.Count.EqualTo(4));
    }

    [TestCase("  optional: [ap-southest]", "regions.optional: unknown region 'ap-southest' (did you mean 'ap-southeast'?)")]
    [TestCase("  optional: [ap-southeast]\n  include_optional: maybe", "regions.include_optional must be true or false, got 'maybe'")]
    public void Optional_Invalid_IsAnError(string extra, string expected)
    {
        var result = Load(AllLinks, extra: extra);

        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.Contains(expected));
    }
}
