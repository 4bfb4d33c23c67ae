using Harness.Health;
using Harness.Metrics;
using Harness.Orchestration;
using Harness.Reports.Model;
using Harness.TestSupport;

namespace Harness.Tests.Health;

public sealed class SaturationVerdictTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Two 10 s phases sampled with fakes: "baseline" healthy, "degraded" with the given timer lag per tick and load.</summary>
    private static HealthResult Health(double degradedLagMs, double degradedLoad = 0.5, double degradedCpuShare = 0.2)
    {
        var time = new ManualTimeProvider(Start);
        var phase = new FakePhase("baseline");
        var process = new FakeProcessStats();
        var load = new FakeLoadAverage(2) { Load = 0.5 };
        var sampler = new HealthSampler(time, phase, process, load);
        sampler.SampleSecond();
        for (var second = 0; second < 20; second++)
        {
            var degraded = second >= 10;
            phase.Current = degraded ? "degraded" : "baseline";
            load.Load = degraded ? degradedLoad : 0.5;
            for (var tick = 0; tick < 10; tick++)
                sampler.RecordLag(TimeSpan.FromMilliseconds(degraded ? degradedLagMs : 1));
            time.Advance(TimeSpan.FromSeconds(1));
            process.CpuTime += TimeSpan.FromSeconds(2 * (degraded ? degradedCpuShare : 0.1)); // 2 cores
            sampler.SampleSecond();
        }
        return HealthReport.Build(
            sampler,
            [
                new PhaseResult("baseline", Start, Start.AddSeconds(10), 10_000, []),
                new PhaseResult("degraded", Start.AddSeconds(10), Start.AddSeconds(20), 10_000, []),
            ]
        )!;
    }

    private static ThresholdResult Threshold(string? phase, bool passed) =>
        new(
            "api",
            "http_req_duration p(95) < 250ms",
            "http_req_duration",
            phase,
            "p(95)",
            "<",
            250,
            passed ? 100 : 400,
            passed,
            passed ? "holds" : "violated"
        );

    [Test]
    public void Apply_SaturatedPhaseWithFailedThreshold_IsInconclusiveExitFour()
    {
        var (status, exit, health) = SaturationVerdict.Apply(
            RunStatus.Failed,
            ExitCodes.ThresholdsFailed,
            [Threshold("degraded", false)],
            Health(340)
        );

        Assert.That(status, Is.EqualTo(RunStatus.Inconclusive));
        Assert.That(exit, Is.EqualTo(4));
        Assert.That(health.Verdict, Is.EqualTo("FAILED - unreliable: the harness was saturated in phase degraded, timer lag p99 340 ms"));
    }

    [Test]
    public void Apply_SaturatedRunThatPassed_StaysPassedWithAWarning()
    {
        var (status, exit, health) = SaturationVerdict.Apply(RunStatus.Passed, ExitCodes.Passed, [Threshold(null, true)], Health(340));

        Assert.That((status, exit), Is.EqualTo((RunStatus.Passed, 0)));
        Assert.That(health.Verdict, Is.Null);
        Assert.That(health.Warning, Does.Contain("saturated in phase degraded, timer lag p99 340 ms").And.Contain("passed anyway"));
    }

    [Test]
    public void Apply_HealthyRunThatFailed_StaysFailed()
    {
        var (status, exit, health) = SaturationVerdict.Apply(
            RunStatus.Failed,
            ExitCodes.ThresholdsFailed,
            [Threshold(null, false)],
            Health(3)
        );

        Assert.That((status, exit), Is.EqualTo((RunStatus.Failed, 1)));
        Assert.That(health.Verdict, Is.Null);
        Assert.That(health.Warning, Is.Null);
        Assert.That(health.Phases.Select(p => p.Saturated), Is.All.False);
    }

    [Test]
    public void Apply_FailureOnlyInAHealthyPhase_StaysFailedWithAWarning()
    {
        var (status, exit, health) = SaturationVerdict.Apply(
            RunStatus.Failed,
            ExitCodes.ThresholdsFailed,
            [Threshold("baseline", false)],
            Health(340)
        );

        Assert.That((status, exit), Is.EqualTo((RunStatus.Failed, 1)));
        Assert.That(health.Warning, Does.Contain("phase degraded").And.Contain("do not cover"));
    }

    [Test]
    public void Apply_HarnessCpuAboveTheBound_IsInconclusive()
    {
        var (status, exit, health) = SaturationVerdict.Apply(
            RunStatus.Failed,
            ExitCodes.ThresholdsFailed,
            [Threshold(null, false)],
            Health(3, 0.5, 0.95)
        );

        Assert.That((status, exit), Is.EqualTo((RunStatus.Inconclusive, 4)));
        Assert.That(health.Verdict, Does.EndWith("phase degraded, harness CPU 95 % of all cores"));
    }

    [Test]
    public void Apply_HighMachineLoadButPunctualTimers_StaysFailed()
    {
        // Calibrated: at load 11-12 per core on a shared box the harness's timers stayed punctual and its figures right.
        var (status, exit, health) = SaturationVerdict.Apply(
            RunStatus.Failed,
            ExitCodes.ThresholdsFailed,
            [Threshold(null, false)],
            Health(3, 24, 0.05)
        );

        Assert.That((status, exit), Is.EqualTo((RunStatus.Failed, 1)));
        Assert.That(health.Phases.Single(p => p.Phase == "degraded").LoadPerCore, Is.EqualTo(12).Within(0.01));
    }

    private static ThresholdResult Failed(string metric, string aggregation = "count", string? phase = null) =>
        new("students", $"{metric} {aggregation} == 0", metric, phase, aggregation, "==", 0, 3, false, "violated");

    [TestCase("browser_page_errors")]
    [TestCase("ws_msgs_duplicated")]
    [TestCase("echo_count")] // a number the page computed (a record step), not a timing of the harness's
    public void Apply_SaturatedPhaseButTheFailedMetricIsNoTiming_StaysFailedAndSaysSo(string metric)
    {
        var (status, exit, health) = SaturationVerdict.Apply(RunStatus.Failed, ExitCodes.ThresholdsFailed, [Failed(metric)], Health(340));

        Assert.That((status, exit), Is.EqualTo((RunStatus.Failed, 1)));
        Assert.That(health.Verdict, Is.Null);
        Assert.That(
            health.Warning,
            Does.Contain("saturated in phase degraded").And.Contain("failed despite").And.Contain($"students: {metric} count == 0")
        );
    }

    [Test]
    public void Apply_TimingFailureInASaturatedPhaseBesideARealFailure_StaysFailed()
    {
        var (status, exit, health) = SaturationVerdict.Apply(
            RunStatus.Failed,
            ExitCodes.ThresholdsFailed,
            [Threshold("degraded", false), Failed("browser_page_errors")],
            Health(340)
        );

        Assert.That((status, exit), Is.EqualTo((RunStatus.Failed, 1)));
        Assert.That(
            health.Warning,
            Does.Contain("failed despite").And.Contain("browser_page_errors").And.Contain("http_req_duration p(95) < 250ms")
        );
    }

    private static Dictionary<string, IReadOnlyList<ErrorTally>> Errors(string metric, params (string Class, string Phase)[] classes) =>
        new()
        {
            ["students"] = classes
                .Select(c => new ErrorTally(metric, c.Class, 2, Start, Start, c.Phase, "example")
                {
                    Phases = new Dictionary<string, long> { [c.Phase] = 2 },
                })
                .ToList(),
        };

    [TestCase("http_req_failed", "rate", "status_500", RunStatus.Failed)]
    [TestCase("http_req_failed", "rate", "timeout", RunStatus.Inconclusive)]
    [TestCase("checks", "rate", "check", RunStatus.Failed)]
    [TestCase("checks", "rate", "cut_off", RunStatus.Inconclusive)]
    [TestCase("ws_handshake_failed", "count", "handshake_503", RunStatus.Failed)]
    [TestCase("ws_handshake_failed", "count", "timeout", RunStatus.Inconclusive)]
    public void Apply_FailureCountingMetric_JudgedByTheClassesOfItsFailures(
        string metric,
        string aggregation,
        string @class,
        RunStatus expected
    )
    {
        var (status, _, health) = SaturationVerdict.Apply(
            RunStatus.Failed,
            ExitCodes.ThresholdsFailed,
            [Failed(metric, aggregation)],
            Health(340),
            Errors(metric, (@class, "degraded"))
        );

        Assert.That(status, Is.EqualTo(expected));
        if (expected == RunStatus.Failed)
            Assert.That(health.Warning, Does.Contain($"{metric} {aggregation} == 0 ({@class})"));
    }

    [Test]
    public void Apply_TimeoutsOnlyOutsideTheThresholdsPhase_DoNotExcuseIt()
    {
        var errors = Errors("http_req_failed", ("status_500", "degraded"), ("timeout", "baseline"));

        var (scoped, _, _) = SaturationVerdict.Apply(
            RunStatus.Failed,
            ExitCodes.ThresholdsFailed,
            [Failed("http_req_failed", "rate", "degraded")],
            Health(340),
            errors
        );
        var (whole, _, _) = SaturationVerdict.Apply(
            RunStatus.Failed,
            ExitCodes.ThresholdsFailed,
            [Failed("http_req_failed", "rate")],
            Health(340),
            errors
        );

        Assert.That(scoped, Is.EqualTo(RunStatus.Failed), "in phase degraded every failure was a 500");
        Assert.That(whole, Is.EqualTo(RunStatus.Inconclusive), "over the whole run some failures were timeouts");
    }

    [TestCase("link_req_abandoned", "rate")] // the caller gave up: a timeout
    [TestCase("ws_msgs_received", "count")] // throughput falls when the harness cannot keep up
    [TestCase("ws_never_reconnected", "count")]
    [TestCase("checks", "rate")] // failed, yet no failure was logged: nothing says it was not a timeout
    public void Apply_TimingSensitiveMetricInASaturatedPhase_IsInconclusive(string metric, string aggregation)
    {
        var (status, exit, _) = SaturationVerdict.Apply(
            RunStatus.Failed,
            ExitCodes.ThresholdsFailed,
            [Failed(metric, aggregation)],
            Health(340),
            new Dictionary<string, IReadOnlyList<ErrorTally>>()
        );

        Assert.That((status, exit), Is.EqualTo((RunStatus.Inconclusive, 4)));
    }

    [Test]
    public void Apply_NoDataForANonTimingMetric_IsInconclusive()
    {
        var noData = Failed("echo_count", "max") with { Observed = null, Detail = "no samples" };

        var (status, _, _) = SaturationVerdict.Apply(RunStatus.Failed, ExitCodes.ThresholdsFailed, [noData], Health(340));

        Assert.That(status, Is.EqualTo(RunStatus.Inconclusive), "a harness too slow to reach the step records nothing");
    }

    [Test]
    public void HealthReport_FakeReadings_SummarisesEveryMetricPerPhaseWithUnits()
    {
        var health = Health(340, degradedLoad: 1, degradedCpuShare: 0.5);

        var byName = health.Metrics.ToDictionary(m => m.Name);
        Assert.That(byName.Keys, Is.EquivalentTo(HealthMetrics.All.Keys));
        Assert.That(byName[HealthMetrics.Cpu].Unit, Is.EqualTo("%"));
        Assert.That(byName[HealthMetrics.Cpu].Phases["degraded"].Avg, Is.EqualTo(50).Within(0.5), "1 s of CPU per second on 2 cores");
        Assert.That(byName[HealthMetrics.Cpu].Phases["baseline"].Avg, Is.EqualTo(10).Within(0.5));
        Assert.That(byName[HealthMetrics.LoadPerCore].Phases["degraded"].Avg, Is.EqualTo(0.5).Within(0.01));
        Assert.That(byName[HealthMetrics.TimerLag].Unit, Is.EqualTo("ms"));
        Assert.That(health.Phases.Single(p => p.Phase == "baseline").Saturated, Is.False);
        Assert.That(health.Cores, Is.EqualTo(2));
    }

    [TestCase(new[] { 0, 4 }, 4)]
    [TestCase(new[] { 4, 1, 0 }, 1)]
    [TestCase(new[] { 4, 3 }, 3)]
    [TestCase(new[] { 130, 4 }, 130)]
    public void Combine_KnowsInconclusive_RanksItBelowARealFailure(int[] codes, int expected)
    {
        Assert.That(ExitCodes.Combine(codes), Is.EqualTo(expected));
    }

    [TestCase("0.24 0.54 0.26 3/102 6612\n", 0.24)]
    [TestCase("27.91 20.00 12.50 31/900 77\n", 27.91)]
    [TestCase("", null)]
    public void ProcLoadAverage_Parse_ReadsTheOneMinuteField(string text, double? expected)
    {
        Assert.That(ProcLoadAverage.Parse(text), Is.EqualTo(expected));
    }
}
