using System.Diagnostics;
using Harness.Impairment.Timing;

namespace Impairment.Tests.Timing;

/// <summary>The precise sleep the delay scheduler uses on Linux: the same clock as Stopwatch, never back early.</summary>
public sealed class MonotonicSleepTests
{
    [Test]
    public void Until_ManyShortSleeps_NeverReturnsBeforeTheInstant()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Ignore("clock_nanosleep on CLOCK_MONOTONIC is Linux-only; elsewhere the scheduler yields instead");
        Assert.That(MonotonicSleep.Available, Is.True, "on Linux, Stopwatch reads CLOCK_MONOTONIC in nanoseconds");
        var random = new Random(3);

        var early = Enumerable
            .Range(0, 200)
            .Select(_ =>
            {
                var until = Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromMicroseconds(random.Next(0, 300)));
                MonotonicSleep.Until(until);
                return until - Stopwatch.GetTimestamp();
            })
            .Max();

        Assert.That(early, Is.LessThanOrEqualTo(0), "returned before the instant asked for");
    }
}
