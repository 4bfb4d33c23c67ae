using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Control;
using Harness.Impairment.Model;

namespace Impairment.Tests.Engine;

/// <summary>
/// TCP and UDP proxies in one engine (one table of <see cref="IProxy"/>): they share the name space, the listing, the
/// toxic calls, populate and reset, with the semantics the engine had when it kept a table per protocol.
/// </summary>
public sealed class MixedProtocolEngineTests
{
    private const string Loopback = "127.0.0.1:0";

    private static ProxySpec Udp(string name) => new(name, "127.0.0.1:9", Loopback) { Protocol = ProxyProtocol.Udp };

    private static ProxySpec Tcp(string name) => new(name, "127.0.0.1:9", Loopback);

    [Test]
    public async Task CreateProxy_NameTakenByTheOtherProtocol_Conflict()
    {
        await using var engine = new ImpairmentEngine();
        engine.CreateProxy(Tcp("t"));
        engine.CreateProxy(Udp("u"));

        Assert.Multiple(() =>
        {
            Assert.That(engine.CreateProxy(Udp("t")).Error, Is.EqualTo(ImpairmentError.ProxyExists));
            Assert.That(engine.CreateProxy(Tcp("u")).Error, Is.EqualTo(ImpairmentError.ProxyExists));
        });
    }

    [Test]
    public async Task ListProxies_BothProtocols_OneListInNameOrder()
    {
        await using var engine = new ImpairmentEngine();
        engine.CreateProxy(Tcp("b"));
        engine.CreateProxy(Udp("a"));
        engine.CreateProxy(Udp("c"));

        var listed = engine.ListProxies().Select(p => (p.Name, p.Protocol));

        Assert.That(listed, Is.EqualTo(new[] { ("a", ProxyProtocol.Udp), ("b", ProxyProtocol.Tcp), ("c", ProxyProtocol.Udp) }));
    }

    [Test]
    public async Task ToxicCalls_OnUdpProxy_FollowTheUdpTypesAndTheApiRules()
    {
        await using var engine = new ImpairmentEngine();
        engine.CreateProxy(Udp("u"));
        var latency = ToxicAttributeInput.FromValues(new Dictionary<string, long> { ["latency"] = 20 });

        var added = await engine.AddToxicAsync("u", new ToxicSpec("latency", Attributes: latency));
        var tcpOnly = await engine.AddToxicAsync("u", new ToxicSpec("slicer"));
        var again = await engine.AddToxicAsync("u", new ToxicSpec("latency"));
        var updated = await engine.UpdateToxicAsync("u", "latency_downstream", new ToxicPatch(Toxicity: 0.5f));
        var listed = engine.ListToxics("u").Value!.Select(t => (t.Name, t.Toxicity));
        var removed = await engine.RemoveToxicAsync("u", "latency_downstream");
        var removedTwice = await engine.RemoveToxicAsync("u", "latency_downstream");

        Assert.Multiple(() =>
        {
            Assert.That(added.Value!.Attributes, Does.Contain(new ToxicAttribute("latency", 20)));
            Assert.That(tcpOnly.Error, Is.EqualTo(ImpairmentError.InvalidToxicType));
            Assert.That(again.Error, Is.EqualTo(ImpairmentError.ToxicExists));
            Assert.That(updated.Value!.Toxicity, Is.EqualTo(0.5f));
            Assert.That(listed, Is.EqualTo(new[] { ("latency_downstream", 0.5f) }));
            Assert.That(removed, Is.Null);
            Assert.That(removedTwice, Is.EqualTo(ImpairmentError.ToxicNotFound));
            Assert.That(engine.GetToxic("u", "latency_downstream").Error, Is.EqualTo(ImpairmentError.ToxicNotFound));
            Assert.That(engine.Decisions("u").Value, Is.Empty);
        });
    }

    [Test]
    public async Task Populate_SameNameOtherProtocol_ReplacesIt_AndAnIdenticalOneIsKept()
    {
        await using var engine = new ImpairmentEngine();
        engine.CreateProxy(Tcp("p"));
        await engine.AddToxicAsync("p", new ToxicSpec("timeout"));

        var swapped = engine.Populate([Udp("p")]);
        var listen = swapped.Proxies[0].Listen;
        await engine.AddToxicAsync("p", new ToxicSpec("noop"));
        var kept = engine.Populate([Udp("p") with { Listen = listen }]);

        Assert.Multiple(() =>
        {
            Assert.That(swapped.Error, Is.Null);
            Assert.That(swapped.Proxies[0].Protocol, Is.EqualTo(ProxyProtocol.Udp));
            Assert.That(swapped.Proxies[0].Toxics, Is.Empty);
            Assert.That(kept.Proxies[0].Toxics.Select(t => t.Name), Is.EqualTo(new[] { "noop_downstream" }));
            Assert.That(engine.ListProxies().Select(p => p.Protocol), Is.EqualTo(new[] { ProxyProtocol.Udp }));
        });
    }

    [Test]
    public async Task Reset_BothProtocols_ReEnabledAndToxicsCleared()
    {
        await using var engine = new ImpairmentEngine();
        engine.CreateProxy(Tcp("t"));
        engine.CreateProxy(Udp("u"));
        foreach (var name in new[] { "t", "u" })
        {
            await engine.AddToxicAsync(name, new ToxicSpec("latency"));
            engine.UpdateProxy(name, new ProxyPatch(Enabled: false));
        }

        var error = await engine.ResetAsync();

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(
                engine.ListProxies().Select(p => (p.Name, p.Enabled, p.Toxics.Count)),
                Is.EqualTo(new[] { ("t", true, 0), ("u", true, 0) })
            );
        });
    }

    [Test]
    public async Task Reset_TcpProxyCannotBind_StopsBeforeAnyUdpProxyEvenOneEarlierByName()
    {
        await using var engine = new ImpairmentEngine();
        var port = IPEndPoint.Parse(engine.CreateProxy(Tcp("z")).Value!.Listen).Port;
        engine.UpdateProxy("z", new ProxyPatch(Enabled: false));
        engine.CreateProxy(Udp("a"));
        await engine.AddToxicAsync("a", new ToxicSpec("latency"));
        engine.UpdateProxy("a", new ProxyPatch(Enabled: false));
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, port));
        squatter.Listen();

        var error = await engine.ResetAsync();
        var udp = engine.GetProxy("a").Value!;

        Assert.Multiple(() =>
        {
            Assert.That(error?.Kind, Is.EqualTo(ImpairmentErrorKind.Internal));
            Assert.That((udp.Enabled, udp.Toxics.Count), Is.EqualTo((false, 1)));
        });
    }

    [Test]
    public async Task DeleteProxy_Udp_GoneFromEveryCall()
    {
        await using var engine = new ImpairmentEngine();
        engine.CreateProxy(Udp("u"));

        var deleted = engine.DeleteProxy("u");

        Assert.Multiple(() =>
        {
            Assert.That(deleted, Is.Null);
            Assert.That(engine.GetProxy("u").Error, Is.EqualTo(ImpairmentError.ProxyNotFound));
            Assert.That(engine.ListToxics("u").Error, Is.EqualTo(ImpairmentError.ProxyNotFound));
            Assert.That(engine.DeleteProxy("u"), Is.EqualTo(ImpairmentError.ProxyNotFound));
        });
    }
}
