using Harness.Probes.Abstractions;
using Harness.Probes.WebSockets;
using Harness.TestSupport;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

public sealed class SendScheduleTests
{
    [Test]
    public void NextLag_SendsOnTimeThenStalled_MeasuresHowFarBehindTheScheduleEachSendStarts()
    {
        var time = new ManualTimeProvider();
        var schedule = new SendSchedule(time, TimeSpan.FromMilliseconds(100));

        var onTime = schedule.NextLagMs(); // due at 0
        time.Advance(TimeSpan.FromMilliseconds(130));
        var late = schedule.NextLagMs(); // due at 100, sent at 130
        time.Advance(TimeSpan.FromMilliseconds(470));
        var stalled = schedule.NextLagMs(); // due at 200, sent at 600: ticks coalesced while the sender was stuck
        time.Advance(TimeSpan.FromMilliseconds(50));
        var early = schedule.NextLagMs(); // due at 300, sent at 650: still behind

        Assert.That(new[] { onTime, late, stalled, early }, Is.EqualTo(new[] { 0d, 30, 400, 350 }));
    }

    [Test]
    public async Task WebSocketProbe_Echo_EmitsSendLagPerSend()
    {
        using var cts = Timeouts.Bounded();
        await using var server = await LiveRoomServer.StartAsync();
        var probe = new WebSocketProbe(
            new WebSocketProbeOptions("ws", server.WebSocketUri("/ws/echo"))
            {
                Echo = new WebSocketEchoOptions { Interval = TimeSpan.FromMilliseconds(20) },
            }
        );
        await using var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.WsMsgsSent, 5, cts.Token);
        await run.StopAsync(cts.Token);

        var lags = run.Sink.Of(MetricNames.WsSendLag).Select(s => s.Value).ToList();
        Assert.That(lags, Has.Count.EqualTo(run.Sink.Of(MetricNames.WsMsgsSent).Count));
        Assert.That(lags, Is.All.GreaterThanOrEqualTo(0));
        Assert.That(MetricNames.All[MetricNames.WsSendLag].Unit, Is.EqualTo("ms"));
    }
}
