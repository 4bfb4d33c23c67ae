using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Packet;

public sealed class PacketModeValidationTests
{
    private static LoadResult Load(string network, string toxics = "", string events = "", string services = "") =>
        ScenarioLoader.LoadText(
            $$"""
            name: t
            target: { base_url: "http://app.test", allow_hosts: [app.test, 127.0.0.1] }
            services:
              - { name: app, command: [app, "--urls", "http://${service_address}:${port}"], port: auto, ready_url: "http://${service_address}:${port}/" }
            {{services}}
            network: {{network}}
            timeline: [ { phase: p, duration: 10s, toxics: [ {{toxics}} ], events: [ {{events}} ] } ]
            probes: [ { http: { name: api, url: / } } ]
            """,
            "t.yaml"
        );

    private const string Packet = "{ mode: packet, proxies: [ { name: link, upstream: app, hosts: [app.test] } ] }";

    private static IEnumerable<string> Errors(LoadResult result) => result.Diagnostics.Select(d => d.ToString());

    [Test]
    public void PacketMode_WithPacketToxics_Loads()
    {
        var result = Load(
            Packet,
            """
            { proxy: link, type: latency, stream: upstream, latency: 40ms, jitter: 10ms },
            { proxy: link, type: loss, probability: 3%, p_good_to_bad: 1% },
            { proxy: link, type: packet, duplicate: 1%, reorder: 1, mtu: 1400 }
            """,
            "{ at: 1s, disable: link }, { at: 2s, enable: link }"
        );

        Assert.That(Errors(result), Is.Empty);
        Assert.That(result.Scenario!.Network.Mode, Is.EqualTo(NetworkMode.Packet));
    }

    [Test]
    public void ProxyMode_IsTheDefault_AndRejectsThePacketToxic()
    {
        var result = Load(
            "{ proxies: [ { name: link, upstream: app, hosts: [app.test] } ] }",
            "{ proxy: link, type: packet, duplicate: 1% }"
        );

        Assert.That(Errors(result), Has.One.Contains("toxic type 'packet' needs network.mode: packet"));
    }

    [TestCase("{ proxy: link, type: slicer, average_size: 10 }", "toxic type 'slicer' acts on streams")]
    [TestCase("{ proxy: link, type: latency, latency: 10ms, toxicity: 0.5 }", "packet mode: toxicity must be 1")]
    [TestCase("{ proxy: link, type: latency, latency: 10ms, distribution: 1 }", "leave out distribution")]
    [TestCase("{ proxy: link, type: loss, probability: 1%, rto: 300ms }", "loss rto belongs to the stream model")]
    [TestCase("{ proxy: link, type: loss, probability: 1%, rtt: 80ms }", "loss rtt belongs to the stream model")]
    public void PacketMode_StreamOnlySettings_Rejected(string toxic, string message)
    {
        Assert.That(Errors(Load(Packet, toxic)), Has.One.Contains(message));
    }

    [Test]
    public void PacketMode_ResetConnections_Loads()
    {
        var result = Load(Packet, events: "{ at: 1s, reset_connections: link }");

        Assert.That(Errors(result), Is.Empty);
        Assert.That(result.Scenario!.Timeline[0].Events.Select(e => e.Action), Is.EqualTo(new[] { new ResetConnectionsAction("link") }));
    }

    [TestCase(
        "{ mode: packet, proxies: [ { name: link, upstream: \"127.0.0.1:80\" } ] }",
        "t.yaml:6:61: packet mode: proxy 'link' must have a service of this scenario as its upstream, not 127.0.0.1:80"
    )]
    [TestCase("{ mode: packet, proxies: [] }", "t.yaml:6:18: packet mode needs a proxy whose upstream is a service")]
    public void PacketMode_NeedsProxiesToServices(string network, string message)
    {
        Assert.That(Errors(Load(network)), Has.One.StartsWith(message));
    }

    [Test]
    public void Mode_Unknown_SaysWhatIsAllowed()
    {
        Assert.That(
            Errors(Load("{ mode: netem, proxies: [ { name: link, upstream: app } ] }")),
            Has.One.Contains("network.mode 'netem' must be proxy (the default) or packet")
        );
    }

    [Test]
    public void ServiceAddress_IsReservedForServices()
    {
        var result = ScenarioLoader.LoadText(
            """
            name: t
            variables: { service_address: "1.2.3.4" }
            target: { allow_hosts: [127.0.0.1] }
            timeline: [ { phase: p, duration: 1s } ]
            probes: [ { http: { name: api, url: "http://127.0.0.1:9/" } } ]
            """,
            "t.yaml"
        );

        Assert.That(Errors(result), Has.One.Contains("'service_address' is reserved"));
    }
}
