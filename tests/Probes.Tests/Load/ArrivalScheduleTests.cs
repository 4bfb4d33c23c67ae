using Harness.Probes.Load;

namespace Probes.Tests.Load;

public sealed class ArrivalScheduleTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public void Offsets_ConstantRate_EvenlySpacedFromStart()
    {
        var offsets = ArrivalSchedule.For(new ConstantArrivalRate(10, Second, Second, 1, 1)).Offsets().ToList();

        Assert.That(offsets, Is.EqualTo(Enumerable.Range(0, 10).Select(k => TimeSpan.FromMilliseconds(100 * k))));
    }

    [Test]
    public void Offsets_RatePerMinute_UsesTimeUnit()
    {
        var offsets = ArrivalSchedule
            .For(new ConstantArrivalRate(30, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), 1, 1))
            .Offsets()
            .ToList();

        Assert.That(
            offsets,
            Is.EqualTo(
                new[] { TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(8) }
            )
        );
    }

    [Test]
    public void Offsets_LinearRampFromZero_FollowsIntegralOfRate()
    {
        // 0 → 10/s over 2 s: the integral is 2.5·t², 10 iterations in all; iteration k is due at sqrt(k / 2.5).
        var schedule = ArrivalSchedule.For(new RampingArrivalRate(0, Second, 1, 1, [new LoadStage(TimeSpan.FromSeconds(2), 10)]));
        var offsets = schedule.Offsets().Select(o => o.TotalSeconds).ToList();

        Assert.That(offsets, Has.Count.EqualTo(10));
        for (var k = 0; k < offsets.Count; k++)
            Assert.That(offsets[k], Is.EqualTo(Math.Sqrt(k / 2.5)).Within(1e-6));
    }

    [Test]
    public void Offsets_Stages_CountMatchesAreaUnderRate()
    {
        // 5/s for 1 s, ramp to 15/s over 2 s (20), hold 15/s for 1 s (15), ramp down to 0 over 2 s (15): 55 in 6 s.
        var stages = new[]
        {
            new LoadStage(Second, 5),
            new LoadStage(TimeSpan.FromSeconds(2), 15),
            new LoadStage(Second, 15),
            new LoadStage(TimeSpan.FromSeconds(2), 0),
        };
        var offsets = ArrivalSchedule.For(new RampingArrivalRate(5, Second, 1, 1, stages)).Offsets().ToList();

        Assert.That(offsets, Has.Count.EqualTo(55));
        Assert.That(offsets, Is.Ordered);
        Assert.That(offsets[^1], Is.LessThan(TimeSpan.FromSeconds(6)));
    }

    [TestCase(0, 0)]
    [TestCase(500, 5)]
    [TestCase(1000, 10)]
    [TestCase(1500, 10)]
    [TestCase(2500, 5)]
    [TestCase(3000, 0)]
    public void VuTargets_Stages_InterpolatedLinearly(int ms, int expected)
    {
        var targets = VuTargets.For(new RampingVus(0, [new LoadStage(Second, 10), new LoadStage(Second, 10), new LoadStage(Second, 0)]));

        Assert.That(targets.At(TimeSpan.FromMilliseconds(ms)), Is.EqualTo(expected));
    }
}
