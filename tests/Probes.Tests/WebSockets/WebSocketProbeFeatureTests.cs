using Harness.Probes.Abstractions;
using Harness.Probes.WebSockets;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

public sealed class WebSocketProbeFeatureTests
{
    private LiveRoomServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await LiveRoomServer.StartAsync(o => o with { FrameRate = 50 });

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private WebSocketProbe Probe(string path, Func<WebSocketProbeOptions, WebSocketProbeOptions> configure) =>
        new(configure(new WebSocketProbeOptions("ws", _server.WebSocketUri(path))));

    [Test]
    public async Task WebSocketProbe_CorrelationField_RoundTripsMatchedById()
    {
        using var cts = Timeouts.Bounded();
        var probe = Probe("/ws/echo", o => o with { Echo = new WebSocketEchoOptions
                {
                    Rate = 50,
                    CorrelationField = "meta.id",
                    Template = """{"type":"ping"}""",
                } });
        await using var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.WsRtt, 5, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.WsRtt).Select(s => s.Value), Is.All.GreaterThan(0));
    }

    [Test]
    public async Task WebSocketProbe_SilentServer_ReceiveTimeoutDisconnect()
    {
        using var cts = Timeouts.Bounded();
        await using var run = ProbeRun.Start(Probe("/ws/echo", o => o with { ReceiveTimeout = TimeSpan.FromMilliseconds(200) }));
        await run.Sink.WaitForAsync(MetricNames.WsDisconnects, 1, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.WsDisconnects).Single().Tag("cause"), Is.EqualTo("timeout"));
    }

    [Test]
    public async Task WebSocketProbe_Stream_EmitsInterarrivalJitterAndStaleness()
    {
        using var cts = Timeouts.Bounded();
        var probe = Probe("/ws/room/timing", o =>
            o with
            {
                Stream = new WebSocketStreamCheck { StalenessInterval = TimeSpan.FromMilliseconds(100) },
            }
        );
        await using var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.WsFrameJitter, 10, cts.Token);
        await run.Sink.WaitForAsync(MetricNames.WsStaleness, 2, cts.Token);
        await run.StopAsync(cts.Token);

        var sink = run.Sink;
        var gaps = sink.Of(MetricNames.WsFrameInterarrival).Select(s => s.Value).Order().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gaps, Has.Count.EqualTo(sink.Of(MetricNames.WsMsgsReceived).Count - 1), "one gap per frame after the first");
            Assert.That(gaps[gaps.Count / 2], Is.InRange(1, 1000), "50 frames/s: gaps near 20 ms (loose on shared cores)");
            Assert.That(sink.Of(MetricNames.WsFrameJitter).Select(s => s.Value), Is.All.GreaterThanOrEqualTo(0));
            Assert.That(sink.Of(MetricNames.WsStaleness).Select(s => s.Value), Is.All.GreaterThanOrEqualTo(0));
        }
    }

    [Test]
    public async Task WebSocketProbe_RampAndClientTags_AllConnectEachTagged()
    {
        using var cts = Timeouts.Bounded();
        var probe = Probe("/ws/room/ramp", o => o with { Clients = 4, RampDuration = TimeSpan.FromMilliseconds(400), TagClients = true });
        await using var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.WsConnecting, 4, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.WsConnecting).Select(s => s.Tag("client")).Order(), Is.EqualTo(new[] { "0", "1", "2", "3" }));
    }
}
