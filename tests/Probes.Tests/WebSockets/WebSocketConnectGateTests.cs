using Harness.Probes.Abstractions;
using Harness.Probes.WebSockets;
using Harness.TestSupport;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

/// <summary>
/// How many handshakes may be in flight (<see cref="WebSocketProbeOptions.MaxConcurrentConnects"/>) and when the
/// connect timeout starts: at the attempt, so a client waiting for a handshake slot times out like a real client
/// whose handshake the crowd delays. Driven by a manual clock against a server that never answers.
/// </summary>
public sealed class WebSocketConnectGateTests
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    [Test]
    public async Task ConnectTimeout_ClientsQueuedForASlot_TimeOutFromTheirAttemptNotFromTheSlot()
    {
        var failedAt = await HandshakeFailureTimesAsync(clients: 3, maxConnecting: 1);

        Assert.That(failedAt, Has.Count.EqualTo(3));
        Assert.That(
            failedAt,
            Is.All.InRange(ConnectTimeout, ConnectTimeout + TimeSpan.FromMilliseconds(200)),
            "all three attempts started together, so all three time out together"
        );
    }

    [Test]
    public async Task MaxConcurrentConnects_Default_IsUnbounded()
    {
        Assert.That(new WebSocketProbeOptions("ws", new Uri("ws://127.0.0.1/")).MaxConcurrentConnects, Is.Null);

        var failedAt = await HandshakeFailureTimesAsync(clients: 150, maxConnecting: null);

        Assert.That(failedAt, Has.Count.EqualTo(150));
        Assert.That(
            failedAt,
            Is.All.InRange(ConnectTimeout, ConnectTimeout + TimeSpan.FromMilliseconds(200)),
            "no client waited for another's handshake"
        );
    }

    /// <summary>Runs the clients against a stalling server and returns when (on the manual clock) each handshake failed.</summary>
    private static async Task<IReadOnlyList<TimeSpan>> HandshakeFailureTimesAsync(int clients, int? maxConnecting)
    {
        using var cts = Timeouts.Bounded(30);
        await using var server = new TcpFaultServer(TcpFault.Stall);
        var time = new ManualTimeProvider();
        var start = time.GetUtcNow();
        var probe = new WebSocketProbe(
            new WebSocketProbeOptions("crowd", new Uri($"ws://127.0.0.1:{server.Port}/ws/room/1"))
            {
                Clients = clients,
                MaxConcurrentConnects = maxConnecting,
                ConnectTimeout = ConnectTimeout,
            }
        );
        await using var run = ProbeRun.Start(probe, time: time);
        var inFlight = Math.Min(clients, maxConnecting ?? clients);
        // Bounded, so that a probe admitting fewer handshakes than expected fails on the times below, not here.
        for (var i = 0; i < 500 && server.Accepted < inFlight; i++)
            await Task.Delay(10, cts.Token);

        // Step the clock in small steps, letting the failures land between steps, until every client failed once.
        while (run.Sink.Of(MetricNames.WsHandshakeFailed).Count < clients && time.GetUtcNow() - start < 4 * ConnectTimeout)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(5, cts.Token);
        }
        await Task.Delay(50, cts.Token);
        return run.Sink.Of(MetricNames.WsHandshakeFailed).Select(s => s.Timestamp - start).ToList();
    }
}
