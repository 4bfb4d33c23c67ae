using System.Net.WebSockets;
using Harness.TestSupport;
using LiveRoom.Incidents.Storm;
using LiveRoom.Options;

namespace LiveRoom.Tests.Incidents;

/// <summary>LiveRoom:Storm:HandshakeRate: room handshakes complete one slot after another, in arrival order.</summary>
public sealed class HandshakeGateTests
{
    [Test]
    public void Reserve_BackToBackArrivals_WaitOneSlotMoreEach()
    {
        var time = new ManualTimeProvider();
        var gate = new HandshakeGate(10, time);

        var waits = Enumerable.Range(0, 3).Select(_ => gate.Reserve()).ToList();
        time.Advance(TimeSpan.FromSeconds(1));
        var later = gate.Reserve();

        Assert.That(waits, Is.EqualTo(new[] { 100, 200, 300 }.Select(ms => TimeSpan.FromMilliseconds(ms))));
        Assert.That(later, Is.EqualTo(TimeSpan.FromMilliseconds(100)), "an idle gate has no backlog");
    }

    [Test]
    public async Task RoomHandshakes_RateSet_CompleteOnePerSlot()
    {
        using var cts = Timeouts.Bounded();
        var time = new ManualTimeProvider();
        await using var server = await LiveRoomServer.StartAsync(o => o with { Storm = new StormOptions { HandshakeRate = 10 } }, time);
        var sockets = Enumerable.Range(0, 3).Select(_ => new ClientWebSocket()).ToList();
        var connects = sockets.Select(s => s.ConnectAsync(server.WebSocketUri("/ws/room/gate"), cts.Token)).ToList();
        await Task.Delay(1000, cts.Token); // a head start for the three requests to reach the gate (the clock stands still)

        var done = new List<int>();
        for (var step = 0; step < 3; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Polling.UntilAsync(() => connects.Count(c => c.IsCompleted) > step, cts.Token);
            done.Add(connects.Count(c => c.IsCompleted));
        }

        Assert.That(done, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(sockets.Select(s => s.State), Is.All.EqualTo(WebSocketState.Open));
        sockets.ForEach(s => s.Dispose());
    }

    [Test]
    public void Options_NegativeRate_IsRejected()
    {
        var ex = Assert.Throws<LiveRoomOptionsException>(() => LiveRoomApp.Build(["--LiveRoom:Storm:HandshakeRate=-1"]));
        Assert.That(ex!.Message, Does.Contain("LiveRoom:Storm:HandshakeRate must be between 0 and 100000, got -1"));
    }
}
