using Harness.Metrics;
using Harness.Orchestration;
using Harness.Probes.Abstractions;
using Harness.Reports.Compare;
using Harness.Reports.Model;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Reports.Compare;

/// <summary>Versions A and B inside one run, compared like two runs: the gate's thresholds and <c>compare RUN --by version</c>.</summary>
public sealed class GrayReleaseGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A run of a join probe split between A and B: 10 s clean, 10 s slow (+120 ms), 5 joins per second per version with
    /// seeded noise; B's joins take <paramref name="extraSlowMs"/> longer in the slow phase, <paramref name="extraCleanMs"/> in the clean
    /// one.
    /// </summary>
    private static RunResults Run(double extraSlowMs, double extraCleanMs = 0, int slowSeconds = 10, int seed = 7)
    {
        var random = new Random(seed);
        var store = new MetricStore();
        var phases = new List<PhaseResult>();
        var at = Start;
        foreach (
            var (phase, seconds, baseMs, extra) in new[] { ("clean", 10, 2.0, extraCleanMs), ("slow", slowSeconds, 122.0, extraSlowMs) }
        )
        {
            for (var s = 0; s < seconds; s++)
            {
                for (var i = 0; i < 5; i++)
                {
                    foreach (var version in new[] { "A", "B" })
                    {
                        var ms = NoisyRuns.Latency(random, baseMs) + (version == "B" ? extra : 0);
                        var tags = new SampleTags("join", phase).With("version", version);
                        store.Add(new Sample(MetricNames.HttpReqDuration, ms, at.AddSeconds(s + i * 0.2), tags));
                        store.Add(new Sample(MetricNames.HttpReqFailed, 0, at.AddSeconds(s + i * 0.2), tags));
                    }
                }
            }
            var window = TimeSpan.FromSeconds(seconds);
            phases.Add(new PhaseResult(phase, at, at + window, window.TotalMilliseconds, []));
            at += window;
        }
        var windows = phases.ToDictionary(p => p.Name, p => p.EndedAt - p.StartedAt);
        var total = at - Start;
        MetricResult Metric(string name, string kind, string unit) =>
            new(
                name,
                kind,
                unit,
                store.Summarize("join", name, null, total),
                windows.ToDictionary(w => w.Key, w => store.Summarize("join", name, w.Key, w.Value)),
                store.Timeline("join", name)
            )
            {
                Breakdown = store.Breakdowns.Results("join", name, windows, total),
            };
        return ReportFixtures.Smoke() with
        {
            RunId = "gray",
            StartedAt = Start,
            FinishedAt = at,
            Status = RunStatus.Passed,
            ExitCode = ExitCodes.Passed,
            Phases = phases,
            Probes =
            [
                new ProbeResult(
                    "join",
                    "http",
                    "http://app.test/join",
                    [Metric(MetricNames.HttpReqDuration, "trend", "ms"), Metric(MetricNames.HttpReqFailed, "rate", "")]
                ),
            ],
            Thresholds = [],
            Events = [],
            Health = null,
        };
    }

    private static Scenario Scenario(string gate = "{ baseline: A, candidate: B }")
    {
        var result = ScenarioLoader.LoadText(
            $$"""
            name: g
            target: { base_url: http://app.test, allow_hosts: [app.test, a.app.test, b.app.test] }
            versions: { A: { host: a.app.test }, B: { host: b.app.test } }
            gray_release: {{gate}}
            timeline: [ { phase: clean, duration: 10s }, { phase: slow, duration: 10s } ]
            probes:
              - http: { name: join, url: /join, split: { A: 1, B: 1 } }
            """,
            "/tmp/g.yaml",
            "g.yaml"
        );
        Assert.That(result.Diagnostics, Is.Empty);
        return result.Scenario!;
    }

    [Test]
    public void Gate_CandidateSlowerOnlyUnderLatency_FailsThatPhaseNamingTheMetricAndItsSize()
    {
        var results = Harness.Orchestration.GrayRelease.GrayReleaseVerdict.Apply(Run(extraSlowMs: 120, extraCleanMs: 1), Scenario());

        var gate = results.Thresholds.Where(t => t.Aggregation == GrayReleaseGate.Aggregation).ToList();
        Assert.That(
            gate.Select(t => (t.Metric, t.Phase, t.Passed)),
            Is.EqualTo(
                new[]
                {
                    (MetricNames.HttpReqDuration, "clean", true),
                    (MetricNames.HttpReqDuration, "slow", false),
                    (MetricNames.HttpReqFailed, "clean", true),
                    (MetricNames.HttpReqFailed, "slow", true),
                }
            )
        );
        var failed = gate.Single(t => !t.Passed);
        Assert.That(failed.Expression, Is.EqualTo("gray_release http_req_duration{phase:slow} B vs A"));
        Assert.That(
            failed.Detail,
            Does.Match(@"^http_req_duration B vs A \+1[0-3][0-9](\.[0-9]+)? ms \(\+[0-9]+(\.[0-9])? %\) in phase slow: regressed")
        );
        Assert.That(failed.Observed, Is.InRange(100, 140));
        Assert.That((results.Status, results.ExitCode), Is.EqualTo((RunStatus.Failed, ExitCodes.ThresholdsFailed)));
        Assert.That(
            Harness.Reports.ReportFormat.Outcome(failed),
            Does.Contain("; http_req_duration B vs A +"),
            "the console line carries the size"
        );
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Gate_SameVersionTwice_PassesEverything(int seed)
    {
        var results = Harness.Orchestration.GrayRelease.GrayReleaseVerdict.Apply(Run(extraSlowMs: 0, seed: seed), Scenario());

        Assert.That(results.Thresholds, Has.Count.EqualTo(4));
        Assert.That(results.Thresholds.Where(t => !t.Passed), Is.Empty);
        Assert.That(results.Status, Is.EqualTo(RunStatus.Passed));
    }

    [Test]
    public void Gate_ShiftBelowItsMinEffect_Passes_AboveIt_Fails()
    {
        var run = Run(extraSlowMs: 15);

        var lenient = GrayReleaseGate.Evaluate(Scenario("{ baseline: A, candidate: B, min_effect: 30ms }").GrayRelease!, Scenario(), run);
        var strict = GrayReleaseGate.Evaluate(Scenario("{ baseline: A, candidate: B, min_effect: 10ms }").GrayRelease!, Scenario(), run);

        Assert.That(lenient.Single(t => t.Phase == "slow" && t.Metric == MetricNames.HttpReqDuration).Passed, Is.True);
        Assert.That(
            lenient.Single(t => t.Phase == "slow" && t.Metric == MetricNames.HttpReqDuration).Detail,
            Does.Contain("below the gate's min_effect 30 ms")
        );
        Assert.That(strict.Single(t => t.Phase == "slow" && t.Metric == MetricNames.HttpReqDuration).Passed, Is.False);
    }

    [Test]
    public void Gate_PhaseTooShortToTest_CannotHold()
    {
        var gate = GrayReleaseGate.Evaluate(
            Scenario("{ baseline: A, candidate: B, metrics: [http_req_duration] }").GrayRelease!,
            Scenario(),
            Run(0, slowSeconds: 3)
        );

        var slow = gate.Single(t => t.Phase == "slow");
        Assert.That(slow.Passed, Is.False);
        Assert.That(slow.Detail, Does.Contain("cannot judge (too few seconds"));
    }

    [Test]
    public void CompareWithinRun_ByVersion_NamesTheRegressedMetric()
    {
        var comparison = VersionComparer.Compare(Run(extraSlowMs: 120), "version", "A", "B");

        Assert.That(comparison.Overall, Is.EqualTo(ChangeVerdict.Regressed));
        Assert.That(
            comparison.Metrics.Where(m => m.Verdict == ChangeVerdict.Regressed).Select(m => (m.Metric, m.Phase)),
            Does.Contain((MetricNames.HttpReqDuration, "slow"))
        );
        Assert.That(
            CompareMarkdown.Render(comparison),
            Does.Contain("- **regressed**: join \\[version: B vs A\\] `http_req_duration` in slow: shift +")
        );
        Assert.That(VersionComparer.Compare(Run(extraSlowMs: 0), "version", "A", "B").Overall, Is.EqualTo(ChangeVerdict.Unchanged));
    }
}
