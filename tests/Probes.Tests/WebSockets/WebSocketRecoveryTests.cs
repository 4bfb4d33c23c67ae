using System.Net;
using Harness.Probes.Abstractions;
using Harness.Probes.WebSockets;
using Harness.TestSupport;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

/// <summary>
/// Recovery after a mass drop: ws_disconnected (who is away), ws_recovery_time (until all who dropped are back,
/// or the run's end) and ws_never_reconnected (who never came back), so that clients that never recover count.
/// </summary>
public sealed class WebSocketRecoveryTests
{
    private const int Clients = 5;

    private static WebSocketProbe Probe(TcpForwarder forwarder) =>
        new(
            new WebSocketProbeOptions("crowd", new Uri($"ws://127.0.0.1:{forwarder.Port}/ws/room/recovery"))
            {
                Clients = Clients,
                Reconnect = new WebSocketReconnectOptions
                {
                    Kind = WebSocketReconnectKind.Exponential,
                    Delay = TimeSpan.FromMilliseconds(50),
                    MaxDelay = TimeSpan.FromMilliseconds(200),
                },
                Seed = 3,
            }
        );

    [Test]
    public async Task MassDrop_AllBack_OneRecoveryTimeSpanningEveryReconnect()
    {
        using var cts = Timeouts.Bounded(30);
        await using var server = await LiveRoomServer.StartAsync();
        await using var forwarder = new TcpForwarder(new IPEndPoint(IPAddress.Loopback, server.BaseUri.Port));
        await using var run = ProbeRun.Start(Probe(forwarder));
        await run.Sink.WaitForAsync(MetricNames.WsConnecting, Clients, cts.Token);
        run.Phase.Current = "drop";
        forwarder.ResetAll();
        await run.Sink.WaitForAsync(MetricNames.WsReconnects, Clients, cts.Token);
        await run.Sink.WaitForAsync(MetricNames.WsRecoveryTime, 1, cts.Token);
        await run.StopAsync(cts.Token);

        var sink = run.Sink;
        var recovery = sink.Of(MetricNames.WsRecoveryTime);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(recovery, Has.Count.EqualTo(1), "one episode: all dropped together");
            Assert.That(recovery[0].Tags.Phase, Is.EqualTo("drop"));
            Assert.That(
                recovery[0].Value,
                Is.GreaterThanOrEqualTo(sink.Of(MetricNames.WsReconnectTime).Max(s => s.Value)),
                "the episode lasts until the last client is back"
            );
            Assert.That(sink.Of(MetricNames.WsNeverReconnected), Is.Empty);
            Assert.That(sink.Of(MetricNames.WsDisconnected).Max(s => s.Value), Is.EqualTo(Clients));
            Assert.That(sink.Of(MetricNames.WsDisconnected)[^1].Value, Is.Zero);
        }
    }

    [Test]
    public async Task MassDrop_NoneBack_NeverReconnectedCountsThemAndRecoveryRunsToTheEnd()
    {
        using var cts = Timeouts.Bounded(30);
        await using var server = await LiveRoomServer.StartAsync();
        await using var forwarder = new TcpForwarder(new IPEndPoint(IPAddress.Loopback, server.BaseUri.Port));
        await using var run = ProbeRun.Start(Probe(forwarder));
        await run.Sink.WaitForAsync(MetricNames.WsConnecting, Clients, cts.Token);
        run.Phase.Current = "drop";
        forwarder.Target = new IPEndPoint(IPAddress.Loopback, UnusedPort.Find());
        forwarder.ResetAll();
        await run.Sink.WaitForAsync(MetricNames.WsHandshakeFailed, 2 * Clients, cts.Token);
        run.Phase.Current = "after";
        await run.StopAsync(cts.Token);

        var sink = run.Sink;
        var firstDrop = sink.Of(MetricNames.WsDisconnects).Min(s => s.Timestamp);
        var recovery = sink.Of(MetricNames.WsRecoveryTime);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Of(MetricNames.WsReconnectTime), Is.Empty, "nobody came back, so no reconnect time");
            Assert.That(
                sink.Of(MetricNames.WsNeverReconnected).Select(s => (s.Value, s.Tags.Phase)),
                Is.EqualTo(Enumerable.Repeat((1.0, "drop"), Clients))
            );
            Assert.That(recovery, Has.Count.EqualTo(1));
            Assert.That(
                recovery[0].Value,
                Is.EqualTo((recovery[0].Timestamp - firstDrop).TotalMilliseconds).Within(100),
                "the open episode ends at the run's end"
            );
            Assert.That(sink.Of(MetricNames.WsDisconnected).Max(s => s.Value), Is.EqualTo(Clients));
        }
    }
}
