using Harness.Impairment.Server;
using Harness.Toxiproxy.Client;

namespace Toxiproxy.Client.Tests;

/// <summary>The client's additions for the harness server: proxy protocol and /metrics.</summary>
public sealed class ToxiproxyClientProtocolTests
{
    private EmbeddedToxiproxy _server = null!;
    private ToxiproxyClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await EmbeddedToxiproxy.StartAsync(new ToxiproxyServerOptions { Port = 0, ProxyMetrics = true });
        _client = new ToxiproxyClient(_server.ApiAddress);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task CreateProxy_ProtocolUdp_ReportedBack()
    {
        var proxy = await _client.CreateProxyAsync(new ProxyDefinition("udp-client", "127.0.0.1:9", "127.0.0.1:0") { Protocol = "udp" });
        Assert.That(proxy.Protocol, Is.EqualTo("udp"));
        Assert.That((await _client.GetProxyAsync("udp-client")).Protocol, Is.EqualTo("udp"));
        var populated = await _client.PopulateAsync([new ProxyDefinition("udp-pop", "127.0.0.1:9", "127.0.0.1:0") { Protocol = "udp" }]);
        Assert.That(populated.Single().Protocol, Is.EqualTo("udp"));
    }

    [Test]
    public async Task CreateProxy_NoProtocol_IsTcp()
    {
        var proxy = await _client.CreateProxyAsync(new ProxyDefinition("tcp-client", "127.0.0.1:9", "127.0.0.1:0"));
        Assert.That(proxy.Protocol, Is.EqualTo("tcp"));
    }

    [Test]
    public async Task GetMetrics_ProxyMetricsOn_ReturnsPrometheusText()
    {
        await _client.CreateProxyAsync(new ProxyDefinition("udp-metrics", "127.0.0.1:9", "127.0.0.1:0") { Protocol = "udp" });
        Assert.That(await _client.GetMetricsAsync(), Does.Contain("toxiproxy_proxy_received_bytes_total{direction=\"upstream\""));
    }
}
