using Harness.Impairment.Udp;
using Harness.TestSupport;

namespace Impairment.Tests.Udp;

/// <summary>
/// The scheduler sends outside its lock: a send that is slow (a full socket buffer) on the timer's thread does not
/// hold up the receive loop scheduling the next datagram, and the order of release is kept.
/// </summary>
public sealed class DatagramSchedulerTests
{
    [Test]
    public async Task SlowSendOnTimer_ScheduleDoesNotWaitForIt_OrderKept()
    {
        var time = new ManualTimeProvider();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var sent = new List<byte>();
        using var scheduler = new DatagramScheduler(time, d =>
        {
            if (d[0] == 1)
            {
                entered.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }
            lock (sent)
                sent.Add(d[0]);
        });
        scheduler.Schedule([1], TimeSpan.FromMilliseconds(10));
        var flushing = Task.Run(() => time.Advance(TimeSpan.FromMilliseconds(10)));
        Assert.That(entered.Wait(TimeSpan.FromSeconds(30)), Is.True, "the timer's flush started sending");

        // Bounded only to turn a hang into a failure: the call takes microseconds unless it waits for the send.
        var scheduling = Task.Run(() => scheduler.Schedule([2], TimeSpan.Zero));
        var finished = await Task.WhenAny(scheduling, Task.Delay(TimeSpan.FromSeconds(10)));
        release.Set();
        await flushing;
        await scheduling;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(finished, Is.SameAs(scheduling), "Schedule waited for a send in progress");
        lock (sent)
            Assert.That(sent, Is.EqualTo(new byte[] { 1, 2 }));
    }
}
