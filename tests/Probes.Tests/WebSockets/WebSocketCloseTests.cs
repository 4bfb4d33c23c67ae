using Harness.Probes.Abstractions;
using Harness.Probes.WebSockets;
using Harness.TestSupport;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

/// <summary>How the probe ends a connection the server closed: it answers the close frame, it does not abort.</summary>
public sealed class WebSocketCloseTests
{
    [Test]
    public async Task ServerCloses_EveryCloseFrameIsAnsweredWithANormalClosure()
    {
        using var cts = Timeouts.Bounded(30);
        await using var server = ScriptedServer.WebSocketClose(4504, "upstream gone");
        var probe = new WebSocketProbe(
            new WebSocketProbeOptions("ws", new Uri($"ws://127.0.0.1:{server.Port}/ws")) { ReconnectDelay = TimeSpan.FromMilliseconds(5) }
        );
        await using (var run = ProbeRun.Start(probe))
        {
            await run.Sink.WaitForAsync(MetricNames.WsDisconnects, 20, cts.Token);
            await run.StopAsync(cts.Token);
        }
        for (var i = 0; i < 200 && server.CloseReplies.Count < 20; i++)
            await Task.Delay(10, cts.Token);

        Assert.That(server.CloseReplies, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(server.CloseReplies, Is.All.EqualTo(1000), "each connection ended with the client's close frame (1000), none aborted");
    }
}
