using System.Text;
using Harness.Probes.Abstractions;
using Harness.Probes.WebSockets;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

/// <summary>What the WebSocket probe counts beyond samples: per-client totals and the first unreadable stream messages.</summary>
public sealed class WebSocketProbeReportTests
{
    [Test]
    public async Task WebSocketProbe_RoomStream_CountsEachClientsMessagesSeparately()
    {
        using var cts = Timeouts.Bounded(30);
        await using var server = await LiveRoomServer.StartAsync(o => o with { FrameRate = 50 });
        var probe = new WebSocketProbe(
            new WebSocketProbeOptions("ws", server.WebSocketUri("/ws/room/report")) { Clients = 3, Stream = new WebSocketStreamCheck() }
        );
        await using var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.WsMsgsReceived, 30, cts.Token);
        await run.StopAsync(cts.Token);

        var clients = probe.Report.Clients;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(clients.Select(c => c.Client), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(clients.Select(c => c.Received), Is.All.GreaterThan(0), "every client received its own frames");
            Assert.That(
                clients.Sum(c => c.Received),
                Is.EqualTo(run.Sink.Of(MetricNames.WsMsgsReceived).Count),
                "per-client totals add up to the samples"
            );
            Assert.That(clients.Sum(c => c.Lost + c.Duplicated), Is.Zero);
            Assert.That(probe.Report.UnreadMessages, Is.Zero, "room frames are JSON with a seq");
        }
    }

    [Test]
    public void Report_UnreadMessages_CountsAllKeepsTheFirstFiveCut()
    {
        var report = new WebSocketProbeReport(1);

        for (var i = 0; i < 8; i++)
            report.Unread(Encoding.UTF8.GetBytes(i == 0 ? new string('x', 2000) : $"<script>{i}</script>"));

        Assert.That(report.UnreadMessages, Is.EqualTo(8));
        Assert.That(report.UnreadExamples, Has.Count.EqualTo(5));
        Assert.That(report.UnreadExamples[0], Has.Length.EqualTo(500));
        Assert.That(report.UnreadExamples[1], Is.EqualTo("<script>1</script>"), "kept verbatim; the report encodes it");
    }
}
