using System.Net.Sockets;
using Harness.Impairment;
using Harness.Orchestration;
using Harness.TestSupport;
using Harness.Toxiproxy.Client;

namespace Harness.Tests.Orchestration;

/// <summary>Bytes per proxy and phase, read from the server's counters at phase boundaries.</summary>
public sealed class ProxyTrafficMeterTests
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["harness-demo-edge"] = "edge",
        ["harness-demo-ws"] = "ws",
    };

    [Test]
    public void Parse_SumsBothDirectionsPerProxyAndIgnoresOthers()
    {
        const string text = """
            # HELP toxiproxy_proxy_received_bytes_total The total bytes received
            # TYPE toxiproxy_proxy_received_bytes_total counter
            toxiproxy_proxy_received_bytes_total{direction="downstream",listener="127.0.0.1:4000",proxy="harness-demo-edge",upstream="127.0.0.1:5000"} 1500
            toxiproxy_proxy_received_bytes_total{direction="upstream",listener="127.0.0.1:4000",proxy="harness-demo-edge",upstream="127.0.0.1:5000"} 500
            toxiproxy_proxy_received_bytes_total{direction="upstream",listener="127.0.0.1:4001",proxy="someone-else",upstream="127.0.0.1:5001"} 9
            toxiproxy_proxy_sent_bytes_total{direction="upstream",listener="127.0.0.1:4000",proxy="harness-demo-edge",upstream="127.0.0.1:5000"} 500
            toxiproxy_proxy_received_bytes_total{direction="upstream",listener="127.0.0.1:4002",proxy="harness-demo-ws",upstream="127.0.0.1:5002"} 2.5e+06
            """;

        var bytes = ProxyTrafficMeter.Parse(text, Names);

        Assert.That(bytes, Is.EqualTo(new Dictionary<string, long> { ["edge"] = 2000, ["ws"] = 2_500_000 }));
    }

    [Test]
    public async Task Phases_OnTheEmbeddedServer_CountWhatEachPhaseCarried()
    {
        await using var echo = new EchoServer();
        await using var host = await EmbeddedProxyHost.StartAsync(1, TimeProvider.System, CancellationToken.None);
        using var client = new ToxiproxyClient(host.ApiAddress);
        var edge = await client.CreateProxyAsync(new ProxyDefinition("harness-demo-edge", echo.Address, "127.0.0.1:0"));
        await client.CreateProxyAsync(new ProxyDefinition("harness-demo-ws", echo.Address, "127.0.0.1:0"));
        var meter = new ProxyTrafficMeter(client.GetMetricsAsync, Names);

        await meter.StartAsync();
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(System.Net.IPEndPoint.Parse(edge.Listen));
            var stream = socket.GetStream();
            await stream.WriteAsync(new byte[1000]);
            var echoed = 0;
            var buffer = new byte[1000];
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (echoed < 1000)
                echoed += await stream.ReadAsync(buffer, bound.Token);
        }
        await meter.PhaseEndedAsync("busy");
        await meter.PhaseEndedAsync("quiet");

        Assert.That(
            meter.BytesIn("busy"),
            Is.EqualTo(new Dictionary<string, long> { ["edge"] = 2000, ["ws"] = 0 }),
            "1000 bytes each way through edge"
        );
        Assert.That(meter.BytesIn("quiet"), Is.EqualTo(new Dictionary<string, long> { ["edge"] = 0, ["ws"] = 0 }));
        Assert.That(meter.PhasesOf("edge"), Is.EqualTo(new Dictionary<string, long> { ["busy"] = 2000, ["quiet"] = 0 }));
    }

    [Test]
    public async Task Phases_ServerWithoutCounters_LeavesEveryFigureUnknown()
    {
        var meter = new ProxyTrafficMeter(_ => throw new ToxiproxyApiException(404, "metrics", "404 page not found"), Names);

        await meter.StartAsync();
        await meter.PhaseEndedAsync("busy");

        Assert.That(meter.BytesIn("busy"), Is.Null);
        Assert.That(meter.PhasesOf("edge"), Is.Null);
    }
}
