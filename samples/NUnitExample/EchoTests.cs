using System.Diagnostics;
using System.Net.WebSockets;
using Harness.Testing;

namespace NUnitExample;

/// <summary>
/// WebSocket echoes through an impaired proxy. <see cref="ImpairedTest"/> gives each test its own server (<c>Server</c>),
/// removed after the test with all its proxies, as Playwright's PageTest gives each test a page.
/// </summary>
public class EchoTests : ImpairedTest
{
    [Test]
    public async Task Echo_Through200msLatency_TakesBetween180And400ms()
    {
        await using var shop = await TinyShop.StartAsync();
        var proxy = await Server.CreateProxyAsync(new ProxyOptions { Name = "shop", Upstream = shop.Address });
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(proxy.Url("/ws/echo", "ws"), CancellationToken.None);
        // Added after the handshake, so only the echoes are delayed: the server's replies wait 200 ms each.
        await proxy.AddToxicAsync(Toxic.Latency(TimeSpan.FromMilliseconds(200)));
        var echoes = new MetricSamples("echo_rtt");

        for (var i = 0; i < 5; i++)
            echoes.Add(await EchoAsync(socket));

        Assert.That(echoes, Passes.Threshold("min >= 180ms"));
        Assert.That(echoes, Passes.Threshold("max < 400ms"));
    }

    [Test]
    public async Task Scenario_BuiltInCode_HoldsItsThresholdsUnderLatency()
    {
        await using var shop = await TinyShop.StartAsync();
        var scenario = new ScenarioBuilder("shop-under-latency")
            .Target(new Uri("http://shop.test"), "shop.test", "127.0.0.1")
            .Proxy(new ProxyOptions { Name = "edge", Upstream = shop.Address }, "shop.test")
            .Phase("baseline", TimeSpan.FromSeconds(2))
            .Phase("degraded", TimeSpan.FromSeconds(2), p => p.Toxic("edge", Toxic.Latency(TimeSpan.FromMilliseconds(150))))
            .Http(
                new HttpProbeOptions
                {
                    Name = "price",
                    Url = "/api/price",
                    Every = TimeSpan.FromMilliseconds(200),
                }
            )
            .WebSocket(
                new WebSocketProbeOptions
                {
                    Name = "echo",
                    Url = "/ws/echo",
                    EchoEvery = TimeSpan.FromMilliseconds(200),
                    EchoSize = 32,
                }
            )
            .Threshold("price", "http_req_failed rate == 0%")
            .Threshold("echo", "ws_rtt{phase:degraded} p(95) < 1s")
            .Build();

        var result = await scenario.RunAsync(RunOptions());

        Assert.That(result, Passes.Thresholds());
        Assert.That(result, Passes.Threshold("echo", "ws_rtt{phase:degraded} med >= 140ms"));
        Assert.That(result.Metric("price", "http_req_duration").Phase("baseline").P50, Is.LessThan(100));
    }

    private static async Task<TimeSpan> EchoAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[32];
        var watch = Stopwatch.StartNew();
        await socket.SendAsync(buffer, WebSocketMessageType.Binary, endOfMessage: true, timeout.Token);
        await socket.ReceiveAsync(buffer, timeout.Token);
        return watch.Elapsed;
    }
}
