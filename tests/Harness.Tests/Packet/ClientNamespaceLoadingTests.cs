using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Packet;

/// <summary>A browser participant's <c>namespace</c>: client only in packet mode and with a launched browser; harness by default.</summary>
public sealed class ClientNamespaceLoadingTests
{
    private const string Packet = "{ mode: packet, proxies: [ { name: link, upstream: app, hosts: [app.test] } ] }";
    private const string Proxy = "{ proxies: [ { name: link, upstream: app, hosts: [app.test] } ] }";

    private static LoadResult Load(string network, string participants, string extra = "") =>
        ScenarioLoader.LoadText(
            $$"""
            name: t
            target: { base_url: "http://app.test", allow_hosts: [app.test, 127.0.0.1] }
            services:
              - name: app
                command: [app, "--urls", "http://${service_address}:${port}"]
                port: auto
                ready_url: "http://${service_address}:${port}/"
            network: {{network}}
            timeline: [ { phase: p, duration: 10s } ]
            probes:
              - browser: { name: b, {{extra}} participants: {{participants}}, steps: [ { goto: / } ] }
            """,
            "t.yaml"
        );

    private static IEnumerable<string> Errors(LoadResult result) => result.Diagnostics.Select(d => d.ToString());

    [Test]
    public void PacketMode_ClientNamespace_Loads_HarnessIsTheDefault()
    {
        var result = Load(Packet, "[ { name: near }, { name: mid, namespace: harness }, { name: far, namespace: client } ]");

        Assert.That(Errors(result), Is.Empty);
        var participants = result.Scenario!.Probes.OfType<BrowserProbeSpec>().Single().Participants;
        Assert.That(
            participants.Select(p => (p.Name, p.ClientNamespace)),
            Is.EqualTo(new[] { ("near", false), ("mid", false), ("far", true) })
        );
    }

    [Test]
    public void ProxyMode_ClientNamespace_Rejected()
    {
        Assert.That(
            Errors(Load(Proxy, "[ { name: far, namespace: client } ]")),
            Has.One.Contains("participant namespace: client needs network.mode: packet")
        );
    }

    [Test]
    public void UnknownNamespace_SaysWhatIsAllowed()
    {
        Assert.That(
            Errors(Load(Packet, "[ { name: far, namespace: server } ]")),
            Has.One.Contains("participant namespace 'server' must be harness (the default) or client")
        );
    }

    [Test]
    public void ClientNamespace_WithRemoteBrowser_Rejected()
    {
        Assert.That(
            Errors(Load(Packet, "[ { name: far, namespace: client } ]", "ws_endpoint: \"ws://127.0.0.1:9222/\",")),
            Has.One.Contains("participant 'far' has namespace: client, which needs a browser the harness launches; leave out ws_endpoint")
        );
    }
}
