using Harness.Probes.Abstractions;
using Harness.Probes.Internal;
using Harness.Probes.WebSockets;
using Harness.TestSupport;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

/// <summary>
/// The episode is measured from the clients' own drop and return times, so that one ws_recovery_time spans every
/// ws_reconnect_time in it even when clients reach the tracker in another order than they dropped or returned.
/// </summary>
public sealed class RecoveryTrackerTests
{
    private static (RecoveryTracker Tracker, CollectingSink Sink, ManualTimeProvider Time) Create()
    {
        var time = new ManualTimeProvider();
        var sink = new CollectingSink();
        var samples = new SampleWriter(new ProbeContext(sink, new TestPhase(), time, HostRoutes.None), "crowd");
        return (new RecoveryTracker(samples), sink, time);
    }

    private static long At(ManualTimeProvider time, int ms) => time.GetTimestamp() + ms * TimeSpan.TicksPerMillisecond;

    [Test]
    public void LateArrivals_EpisodeRunsFromEarliestDropToLatestReturn()
    {
        var (tracker, sink, time) = Create();
        var tags = new SampleTags("crowd", "drop");

        tracker.Dropped(1, tags, At(time, 50));
        tracker.Dropped(2, tags, At(time, 10)); // dropped first, reached the tracker second
        tracker.Back(2, At(time, 900));
        tracker.Back(1, At(time, 700)); // came back first, reached the tracker last

        Assert.That(sink.Of(MetricNames.WsRecoveryTime).Select(s => s.Value), Is.EqualTo(new[] { 890.0 }));
    }

    [Test]
    public void SecondEpisode_StartsAfresh()
    {
        var (tracker, sink, time) = Create();
        var tags = new SampleTags("crowd", "drop");

        tracker.Dropped(1, tags, At(time, 0));
        tracker.Back(1, At(time, 100));
        tracker.Dropped(1, tags, At(time, 1000));
        tracker.Back(1, At(time, 1250));

        Assert.That(sink.Of(MetricNames.WsRecoveryTime).Select(s => s.Value), Is.EqualTo(new[] { 100.0, 250.0 }));
    }

    [Test]
    public void Finish_OpenEpisodeEndsNow_AndCountsThoseAway()
    {
        var (tracker, sink, time) = Create();
        tracker.Dropped(1, new SampleTags("crowd", "drop"), At(time, 0));
        time.Advance(TimeSpan.FromSeconds(3));

        tracker.Finish();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Of(MetricNames.WsRecoveryTime).Select(s => s.Value), Is.EqualTo(new[] { 3000.0 }));
            Assert.That(sink.Of(MetricNames.WsNeverReconnected), Has.Count.EqualTo(1));
        }
    }
}
