using Harness.Cli;
using Harness.Reports.Compare;

namespace Harness.Tests.Reports.Compare;

public sealed class AlternatingPlanTests
{
    [Test]
    public void For_TwoRounds_SwapsTheOrderInTheSecondRound()
    {
        var plan = AlternatingPlan.For(2);

        Assert.That(plan, Is.EqualTo(new[] { (1, Side.Baseline), (1, Side.Candidate), (2, Side.Candidate), (2, Side.Baseline) }));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(5)]
    public void For_AnyRounds_RunsEachSideOncePerRound(int rounds)
    {
        var plan = AlternatingPlan.For(rounds);

        Assert.That(plan, Has.Count.EqualTo(2 * rounds));
        Assert.That(
            plan.GroupBy(p => p.Round).Select(g => g.Select(p => p.Side).Order()),
            Is.All.EqualTo(new[] { Side.Baseline, Side.Candidate })
        );
    }

    [TestCase(2)]
    [TestCase(4)]
    [TestCase(10)]
    public void For_EvenRounds_GivesBothSidesTheSameMeanPositionSoLinearDriftCancels(int rounds)
    {
        var plan = AlternatingPlan.For(rounds);

        double MeanPosition(Side side) => plan.Select((p, i) => (p.Side, i)).Where(x => x.Side == side).Average(x => x.i);
        Assert.That(MeanPosition(Side.Candidate), Is.EqualTo(MeanPosition(Side.Baseline)));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(7)]
    public void For_OddRounds_LeaveTheCandidateOneNthOfARunLater(int rounds)
    {
        var plan = AlternatingPlan.For(rounds);

        double MeanPosition(Side side) => plan.Select((p, i) => (p.Side, i)).Where(x => x.Side == side).Average(x => x.i);
        Assert.That(MeanPosition(Side.Candidate) - MeanPosition(Side.Baseline), Is.EqualTo(1.0 / rounds).Within(1e-9));
    }

    [Test]
    public void For_ZeroRounds_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => AlternatingPlan.For(0));
}
