using System.Net;
using Harness.Probes.Abstractions;
using Harness.Probes.WebSockets;
using Harness.TestSupport;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

public sealed class WebSocketReconnectTests
{
    private const int Clients = 5;

    private static readonly WebSocketReconnectOptions Backoff = new()
    {
        Kind = WebSocketReconnectKind.Exponential,
        Delay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromMilliseconds(400),
    };

    private static IPEndPoint EndPoint(LiveRoomServer server) => new(IPAddress.Loopback, server.BaseUri.Port);

    private static WebSocketProbe Probe(TcpForwarder forwarder) =>
        new(
            new WebSocketProbeOptions("students", new Uri($"ws://127.0.0.1:{forwarder.Port}/ws/room/lb"))
            {
                Clients = Clients,
                Reconnect = Backoff,
                Seed = 1,
                Tags = new Dictionary<string, string> { ["role"] = "student" },
            }
        );

    [Test]
    public async Task WebSocketProbe_ForwarderResetsAll_EveryClientReconnects()
    {
        using var cts = Timeouts.Bounded(30);
        await using var server = await LiveRoomServer.StartAsync(o => o with { FrameRate = 50 });
        await using var forwarder = new TcpForwarder(EndPoint(server));
        await using var run = ProbeRun.Start(Probe(forwarder));
        await run.Sink.WaitForAsync(MetricNames.WsConnecting, Clients, cts.Token);
        run.Phase.Current = "lb-flip";
        forwarder.ResetAll();
        await run.Sink.WaitForAsync(MetricNames.WsReconnects, Clients, cts.Token);
        await run.StopAsync(cts.Token);

        var sink = run.Sink;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Of(MetricNames.WsDisconnects).Select(s => s.Tag("cause")), Is.EqualTo(Enumerable.Repeat("reset", Clients)));
            Assert.That(sink.Of(MetricNames.WsReconnects), Has.Count.EqualTo(Clients));
            Assert.That(sink.Of(MetricNames.WsReconnectTime), Has.Count.EqualTo(Clients));
            Assert.That(sink.Of(MetricNames.WsReconnectTime).Select(s => s.Value), Is.All.GreaterThan(0));
            Assert.That(sink.Of(MetricNames.WsReconnectTime).Select(s => s.Tags.Phase), Is.All.EqualTo("lb-flip"));
            Assert.That(sink.All.Select(s => s.Tag("role")), Is.All.EqualTo("student"));
            Assert.That(sink.All.Select(s => s.Tag("client")), Is.All.Null, "no per-client series unless asked");
        }
    }

    [Test]
    public async Task WebSocketProbe_ServerRestartsOnNewPort_EveryClientReconnects()
    {
        using var cts = Timeouts.Bounded(30);
        var first = await LiveRoomServer.StartAsync();
        await using var forwarder = new TcpForwarder(EndPoint(first));
        await using var run = ProbeRun.Start(Probe(forwarder));
        await run.Sink.WaitForAsync(MetricNames.WsConnecting, Clients, cts.Token);
        await first.DisposeAsync();
        await using var second = await LiveRoomServer.StartAsync();
        forwarder.Target = EndPoint(second);
        await run.Sink.WaitForAsync(MetricNames.WsReconnects, Clients, cts.Token);
        await run.StopAsync(cts.Token);

        var sink = run.Sink;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Of(MetricNames.WsDisconnects), Has.Count.EqualTo(Clients));
            Assert.That(sink.Of(MetricNames.WsReconnectTime), Has.Count.EqualTo(Clients));
            Assert.That(sink.Of(MetricNames.WsConnecting), Has.Count.EqualTo(2 * Clients));
        }
    }
}
