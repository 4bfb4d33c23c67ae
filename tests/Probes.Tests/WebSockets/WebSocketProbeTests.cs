using Harness.Probes.Abstractions;
using Harness.Probes.WebSockets;
using Harness.TestSupport;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

public sealed class WebSocketProbeTests
{
    private static WebSocketProbe Probe(Uri url, Func<WebSocketProbeOptions, WebSocketProbeOptions>? configure = null) =>
        new((configure ?? (o => o))(new WebSocketProbeOptions("ws", url)));

    [Test]
    public async Task WebSocketProbe_RoomStream_ReceivesFramesWithoutLossAndSmallDelay()
    {
        using var cts = Timeouts.Bounded();
        await using var server = await LiveRoomServer.StartAsync(o => o with { FrameRate = 50 });
        var probe = Probe(server.WebSocketUri("/ws/room/probe"), o => o with { Stream = new WebSocketStreamCheck() });
        await using var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.WsMsgsReceived, 20, cts.Token);
        await run.StopAsync(cts.Token);

        var sink = run.Sink;
        var delays = sink.Of(MetricNames.WsFrameDelay).Select(s => s.Value).Order().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Of(MetricNames.WsConnecting), Has.Count.EqualTo(1));
            Assert.That(sink.Of(MetricNames.WsMsgsLost), Is.Empty);
            Assert.That(sink.Of(MetricNames.WsMsgsDuplicated), Is.Empty);
            Assert.That(sink.Of(MetricNames.WsMsgsReordered), Is.Empty);
            Assert.That(delays, Has.Count.EqualTo(sink.Of(MetricNames.WsMsgsReceived).Count));
            // Same machine, same clock: a frame cannot arrive before it was sent, and loopback adds little.
            Assert.That(delays[0], Is.GreaterThanOrEqualTo(0));
            Assert.That(delays[delays.Count / 2], Is.LessThan(1000));
            Assert.That(delays.Any(d => d != Math.Floor(d)), Is.True, "sub-millisecond precision is kept");
            Assert.That(sink.Of(MetricNames.WsSessionDuration), Has.Count.EqualTo(1));
            Assert.That(sink.Of(MetricNames.WsDisconnects), Is.Empty, "stopping the probe is not a disconnect");
        }
    }

    [Test]
    public async Task WebSocketProbe_Echo_EmitsRoundTripPerSend()
    {
        using var cts = Timeouts.Bounded();
        await using var server = await LiveRoomServer.StartAsync();
        var probe = Probe(server.WebSocketUri("/ws/echo"), o => o with { Echo = new WebSocketEchoOptions
                {
                    Interval = TimeSpan.FromMilliseconds(20),
                    PayloadBytes = 64,
                } });
        await using var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.WsRtt, 5, cts.Token);
        await run.StopAsync(cts.Token);

        var sink = run.Sink;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Of(MetricNames.WsRtt).Select(s => s.Value), Is.All.GreaterThan(0));
            Assert.That(sink.Of(MetricNames.WsMsgsSent).Count, Is.GreaterThanOrEqualTo(sink.Of(MetricNames.WsRtt).Count));
            Assert.That(
                sink.Of(MetricNames.WsRtt).Count,
                Is.GreaterThanOrEqualTo(sink.Of(MetricNames.WsMsgsSent).Count - 1),
                "every send but possibly the last one in flight came back"
            );
        }
    }

    [Test]
    public async Task WebSocketProbe_ManyClients_AllConnect()
    {
        using var cts = Timeouts.Bounded(30);
        await using var server = await LiveRoomServer.StartAsync();
        var probe = Probe(server.WebSocketUri("/ws/room/crowd"), o => o with { Clients = 50, MaxConcurrentConnects = 10 });
        await using var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.WsConnecting, 50, cts.Token);
        await run.Sink.WaitForAsync(MetricNames.WsMsgsReceived, 100, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.WsHandshakeFailed), Is.Empty);
        Assert.That(run.Sink.Of(MetricNames.WsSessionDuration), Has.Count.EqualTo(50));
    }

    [Test]
    public async Task WebSocketProbe_RefusedPort_HandshakeFailuresWhileReconnectingThenEnds()
    {
        using var cts = Timeouts.Bounded();
        var url = new Uri($"ws://127.0.0.1:{UnusedPort.Find()}/ws/echo");
        await using var run = ProbeRun.Start(Probe(url, o => o with { ReconnectDelay = TimeSpan.FromMilliseconds(10) }));
        await run.Sink.WaitForAsync(MetricNames.WsHandshakeFailed, 3, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.WsHandshakeFailed).Select(s => s.Tag("error")), Is.All.EqualTo("refused"));
        Assert.That(run.Sink.Of(MetricNames.WsConnecting), Is.Empty);
    }

    [Test]
    public async Task WebSocketProbe_NoReconnect_OneFailureThenIdleUntilCancelled()
    {
        using var cts = Timeouts.Bounded();
        var url = new Uri($"ws://127.0.0.1:{UnusedPort.Find()}/ws/echo");
        await using var run = ProbeRun.Start(Probe(url));
        await run.Sink.WaitForAsync(MetricNames.WsHandshakeFailed, 1, cts.Token);
        Assert.That(run.Task.IsCompleted, Is.False, "the probe keeps running until cancelled");
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.WsHandshakeFailed), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task WebSocketProbe_NotAWebSocketEndpoint_HandshakeFailedWithStatus()
    {
        using var cts = Timeouts.Bounded();
        await using var server = await LiveRoomServer.StartAsync();
        await using var run = ProbeRun.Start(Probe(server.WebSocketUri("/ws/room/bad.id")));
        await run.Sink.WaitForAsync(MetricNames.WsHandshakeFailed, 1, cts.Token);
        await run.StopAsync(cts.Token);

        var failed = run.Sink.Of(MetricNames.WsHandshakeFailed).Single();
        Assert.That((failed.Tag("status"), failed.Tag("error")), Is.EqualTo(("404", "handshake_404")));
    }

    [Test]
    public async Task WebSocketProbe_StallingServer_HandshakeTimesOut()
    {
        using var cts = Timeouts.Bounded();
        await using var server = new TcpFaultServer(TcpFault.Stall);
        var probe = Probe(new Uri($"ws://127.0.0.1:{server.Port}/ws/echo"), o =>
            o with
            {
                ConnectTimeout = TimeSpan.FromMilliseconds(200),
            }
        );
        await using var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.WsHandshakeFailed, 1, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.WsHandshakeFailed).Single().Tag("error"), Is.EqualTo("timeout"));
    }

    [Test]
    public async Task WebSocketProbe_ServerResetsHandshake_HandshakeFailedWithReset()
    {
        using var cts = Timeouts.Bounded();
        await using var server = new TcpFaultServer(TcpFault.Reset);
        await using var run = ProbeRun.Start(Probe(new Uri($"ws://127.0.0.1:{server.Port}/ws/echo")));
        await run.Sink.WaitForAsync(MetricNames.WsHandshakeFailed, 1, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.WsHandshakeFailed).Single().Tag("error"), Is.EqualTo("reset"));
    }

    [Test]
    public async Task WebSocketProbe_ServerShutsDown_DisconnectWithCloseCodeThenReconnects()
    {
        using var cts = Timeouts.Bounded();
        var server = await LiveRoomServer.StartAsync();
        var probe = Probe(server.WebSocketUri("/ws/room/shutdown"), o => o with { ReconnectDelay = TimeSpan.FromMilliseconds(10) });
        await using var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.WsMsgsReceived, 1, cts.Token);
        await server.DisposeAsync();
        await run.Sink.WaitForAsync(MetricNames.WsHandshakeFailed, 1, cts.Token);
        await run.StopAsync(cts.Token);

        var disconnect = run.Sink.Of(MetricNames.WsDisconnects).Single();
        Assert.That(disconnect.Tag("cause"), Is.EqualTo("1001"));
        Assert.That(run.Sink.Of(MetricNames.WsSessionDuration), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task WebSocketProbe_RoutedHost_ReachesTargetThroughRoute()
    {
        using var cts = Timeouts.Bounded();
        await using var server = await LiveRoomServer.StartAsync();
        var probe = Probe(new Uri("ws://liveroom.test/ws/echo"), o =>
            o with
            {
                Echo = new WebSocketEchoOptions { Interval = TimeSpan.FromMilliseconds(20) },
            }
        );
        await using var run = ProbeRun.Start(probe, ProbeRun.Route("liveroom.test", server.BaseUri));
        await run.Sink.WaitForAsync(MetricNames.WsRtt, 2, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.WsConnecting), Has.Count.EqualTo(1));
    }
}
