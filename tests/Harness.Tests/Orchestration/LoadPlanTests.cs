using Harness.Orchestration;
using Harness.Probes.Load;
using Harness.Scenarios.Model;

namespace Harness.Tests.Orchestration;

/// <summary>
/// What results.json says a load probe was asked to do, per executor, for the report to hold the achieved figures against.
/// </summary>
public sealed class LoadPlanTests
{
    private static LoadProbeSpec Spec(LoadExecutor executor, long? iterations = null) =>
        new("crowd", new Uri("http://app.test/"), executor, null, TimeSpan.FromSeconds(5), iterations, TimeSpan.FromSeconds(30));

    [Test]
    public void ConstantArrivalRate_TargetRateIsPerSecondAndPlannedIterationsCoverTheDuration()
    {
        var plan = ResultsBuilder.LoadPlanOf(Spec(new ConstantArrivalRate(120, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), 5, 50)))!;

        Assert.That(plan, Is.EqualTo(new Harness.Reports.Model.LoadPlanResult("constant-arrival-rate", 30_000, 2, 60, null, 50, null)));
    }

    [Test]
    public void RampingArrivalRate_PeakRateAndTheAreaUnderTheRamp()
    {
        // 0 → 10/s over 10 s (50 iterations), then 10/s for 5 s (50), then down to 0 over 2 s (10).
        var plan = ResultsBuilder.LoadPlanOf(
            Spec(
                new RampingArrivalRate(
                    0,
                    TimeSpan.FromSeconds(1),
                    1,
                    20,
                    [
                        new LoadStage(TimeSpan.FromSeconds(10), 10),
                        new LoadStage(TimeSpan.FromSeconds(5), 10),
                        new LoadStage(TimeSpan.FromSeconds(2), 0),
                    ]
                )
            )
        )!;

        Assert.That(plan.TargetRate, Is.EqualTo(10));
        Assert.That(plan.PlannedIterations, Is.EqualTo(110).Within(1e-9));
        Assert.That(plan.DurationMs, Is.EqualTo(17_000));
    }

    [Test]
    public void RampingVus_PeakVusAndNoRate()
    {
        var plan = ResultsBuilder.LoadPlanOf(
            Spec(new RampingVus(2, [new LoadStage(TimeSpan.FromSeconds(5), 8), new LoadStage(TimeSpan.FromSeconds(5), 3)]), iterations: 100)
        )!;

        Assert.That(
            (plan.Executor, plan.TargetVus, plan.TargetRate, plan.IterationLimit),
            Is.EqualTo(("ramping-vus", (int?)8, (double?)null, (long?)100))
        );
    }

    [Test]
    public void OtherProbeKinds_HaveNoPlan() =>
        Assert.That(
            ResultsBuilder.LoadPlanOf(
                new HttpProbeSpec("api", new Uri("http://app.test/"), "GET", TimeSpan.FromSeconds(1), 200, TimeSpan.FromSeconds(5))
            ),
            Is.Null
        );
}
