using Harness.Impairment.Toxics;
using Harness.Impairment.Udp;

namespace Impairment.Tests.Udp;

/// <summary>Per-datagram decisions of the UDP toxics, driven directly with a seeded random source: no sockets.</summary>
public sealed class DatagramToxicTests
{
    [TestCase(2_000, 0.002)]
    [TestCase(15_000, 0.015)]
    public void Loss_ProbabilityPpm_DropsFractionOfAPercentAndOverridesPercent(long ppm, double expected)
    {
        var toxic = new DatagramLossToxic(percent: 50, burstEnter: 0, burstExit: 0, burstPercent: 0, probabilityPpm: ppm);
        var state = toxic.CreateState();
        var random = new Random(21);
        const int datagrams = 1_000_000;
        var dropped = 0;
        for (var i = 0; i < datagrams; i++)
        {
            var fate = new DatagramFate(4, DateTimeOffset.UnixEpoch);
            toxic.Apply(fate, random, state);
            if (fate.Dropped)
                dropped++;
        }
        Assert.That((double)dropped / datagrams, Is.EqualTo(expected).Within(5 * Math.Sqrt(expected / datagrams)));
    }

    [Test]
    public void Latency_HugeValues_DelayCappedInsteadOfOverflowing()
    {
        var fate = new DatagramFate(4, DateTimeOffset.UnixEpoch);
        new DatagramLatencyToxic(long.MaxValue, long.MaxValue).Apply(fate, new Random(1), null);
        Assert.That(fate.Delay, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(WireTime.Longest * 2));
    }

    [Test]
    public void Reorder_HugeDelay_CappedInsteadOfOverflowing()
    {
        var fate = new DatagramFate(4, DateTimeOffset.UnixEpoch);
        new DatagramReorderToxic(100, long.MaxValue).Apply(fate, new Random(1), null);
        Assert.That(fate.Delay, Is.EqualTo(WireTime.Longest));
    }

    [Test]
    public void Scheduler_DelayBeyondTimerRange_ArmsTheRealTimerWithoutThrowing()
    {
        // The system timer rejects due times above 0xFFFFFFFE ms (~49.7 days): the scheduler caps and re-arms.
        using var scheduler = new DatagramScheduler(TimeProvider.System, _ => Assert.Fail("nothing is due"));
        Assert.DoesNotThrow(() => scheduler.Schedule([1, 2, 3], TimeSpan.FromDays(1000)));
    }
}
