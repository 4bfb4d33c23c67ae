using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Packet;

/// <summary>Several packet links in one run: <c>mode</c> on a proxy, one link per proxy, one service per link, no mixing.</summary>
public sealed class PacketLinksValidationTests
{
    // Line 6 holds the network; its proxies are the text given, so columns are counted from "network: ".
    private static LoadResult Load(string network, string participants = "") =>
        ScenarioLoader.LoadText(
            $$"""
            name: t
            target: { base_url: "http://eu.test", allow_hosts: [eu.test, us.test, 127.0.0.1] }
            services:
              - { name: eu, command: [app, "http://${service_address}:${port}"], port: auto }
              - { name: us, command: [app, "http://${service_address}:${port}"], port: auto }
            network: {{network}}
            timeline: [ { phase: p, duration: 10s } ]
            probes:
              - { http: { name: api, url: / } }
              - { browser: { name: b, participants: [ { name: far{{participants}} } ], steps: [ { goto: / } ] } }
            """,
            "t.yaml"
        );

    private static IEnumerable<string> Errors(LoadResult result) => result.Diagnostics.Select(d => d.ToString());

    private const string TwoLinks = "{ name: eu-link, upstream: eu, hosts: [eu.test] }, { name: us-link, upstream: us, hosts: [us.test] }";

    [Test]
    public void ScenarioPacketMode_EveryProxyGetsALink()
    {
        var result = Load($"{{ mode: packet, proxies: [ {TwoLinks} ] }}");

        Assert.That(Errors(result), Is.Empty);
        Assert.That(result.Scenario!.Network.Mode, Is.EqualTo(NetworkMode.Packet));
        Assert.That(result.Scenario.Network.Proxies.Select(p => p.Name), Is.EqualTo(new[] { "eu-link", "us-link" }));
    }

    [Test]
    public void ModeOnEveryProxy_IsPacketMode()
    {
        var result = Load("{ proxies: [ { name: eu-link, upstream: eu, mode: packet }, { name: us-link, upstream: us, mode: packet } ] }");

        Assert.That(Errors(result), Is.Empty);
        Assert.That(result.Scenario!.Network.Mode, Is.EqualTo(NetworkMode.Packet));
    }

    [Test]
    public void ModeProxyOnEveryProxy_StaysProxyMode()
    {
        var result = Load("{ proxies: [ { name: eu-link, upstream: eu, mode: proxy } ] }");

        Assert.That(Errors(result), Is.Empty);
        Assert.That(result.Scenario!.Network.Mode, Is.EqualTo(NetworkMode.Proxy));
    }

    [Test]
    public void Mixing_StreamProxyAndPacketProxy_RefusedAtTheStreamProxy()
    {
        var result = Load("{ proxies: [ { name: eu-link, upstream: eu, mode: packet }, { name: us-link, upstream: us } ] }");

        Assert.That(
            Errors(result),
            Is.EqualTo(
                new[]
                {
                    "t.yaml:6:78: proxy 'us-link' works on streams but 'eu-link' in this run work on packets: one run cannot mix "
                        + "them (in packet mode the services run in the server namespace, which a stream proxy on the harness's side "
                        + "could reach only across a packet link, impaired twice, and the run drives its packet links in place of a "
                        + "Toxiproxy); give every proxy mode: packet, or none",
                }
            )
        );
    }

    [Test]
    public void Mixing_ModeProxyUnderScenarioPacketMode_RefusedAtThatMode()
    {
        var result = Load($"{{ mode: packet, proxies: [ {TwoLinks[..^2]}, mode: proxy }} ] }}");

        Assert.That(Errors(result), Has.One.StartsWith("t.yaml:6:143: proxy 'us-link' works on streams"));
    }

    [Test]
    public void ProxyMode_Unknown_SaysWhereAndWhatIsAllowed()
    {
        var result = Load("{ proxies: [ { name: eu-link, upstream: eu, mode: netem } ] }");

        Assert.That(Errors(result), Is.EqualTo(new[] { "t.yaml:6:60: proxy mode 'netem' must be proxy (the default) or packet" }));
    }

    [Test]
    public void TwoPacketLinks_ToOneService_RefusedAtTheSecondUpstream()
    {
        var result = Load("{ mode: packet, proxies: [ { name: a, upstream: eu }, { name: b, upstream: eu } ] }");

        Assert.That(
            Errors(result),
            Is.EqualTo(
                new[]
                {
                    "t.yaml:6:85: packet mode: service 'eu' is already the upstream of proxy 'a': each packet link has its own address "
                        + "in the server namespace and ${service_address} names one, so a service takes one link",
                }
            )
        );
    }

    [Test]
    public void PacketLink_ToHostPort_RefusedAtItsUpstream()
    {
        var result = Load(
            "{ proxies: [ { name: a, upstream: eu, mode: packet }, { name: b, upstream: \"127.0.0.1:80\", mode: packet } ] }"
        );

        Assert.That(Errors(result), Has.One.StartsWith("t.yaml:6:85: packet mode: proxy 'b' must have a service of this scenario"));
    }

    [Test]
    public void ClientNamespace_WithTwoLinks_Refused()
    {
        var result = Load($"{{ mode: packet, proxies: [ {TwoLinks} ] }}", ", namespace: client");

        Assert.That(Errors(result), Has.One.StartsWith("t.yaml:10:67:").And.Contains("client works with one packet link"));
    }

    [Test]
    public void MoreLinksThanTheLimit_Refused()
    {
        var services = Enumerable.Range(0, 65).Select(i => $"{{ name: l{i}, upstream: eu }}");
        var result = Load($"{{ mode: packet, proxies: [ {string.Join(", ", services)} ] }}");

        Assert.That(Errors(result), Has.One.StartsWith("t.yaml:6:18: packet mode: at most 64 proxies (one link each), not 65"));
    }
}
