using Harness.Exporting;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;
using Harness.Tests.Reports;

namespace Harness.Tests.Exporting;

public sealed class ResultSeriesTests
{
    private static double? Value(IReadOnlyList<ResultFamily> families, string name, params (string Key, string Value)[] labels)
    {
        var family = families.SingleOrDefault(f => f.Name == name);
        var sample = family?.Samples.SingleOrDefault(s =>
            s.Labels.Count == labels.Length && labels.All(l => s.Labels.Contains(new KeyValuePair<string, string>(l.Key, l.Value)))
        );
        return sample?.Value;
    }

    [Test]
    public void From_FailedRun_VerdictThresholdAndProbePercentilesInSeconds()
    {
        var results = ReportFixtures.Results(failing: true);

        var families = ResultSeries.From(results);

        Assert.Multiple(() =>
        {
            Assert.That(Value(families, "harness_run_passed"), Is.EqualTo(0));
            Assert.That(Value(families, "harness_run_exit_code"), Is.EqualTo(1));
            Assert.That(Value(families, "harness_run_status", ("status", "failed")), Is.EqualTo(1));
            Assert.That(Value(families, "harness_run_duration_seconds"), Is.EqualTo(20).Within(1e-9));
            (string, string)[] threshold =
            [
                ("probe", "api"),
                ("metric", "http_req_duration"),
                ("threshold", "http_req_duration{phase:slow} p(95) < 250ms"),
                ("phase", "slow"),
                ("aggregation", "p(95)"),
                ("unit", "seconds"),
            ];
            Assert.That(Value(families, "harness_threshold_observed", threshold), Is.EqualTo(0.30195).Within(1e-12));
            Assert.That(Value(families, "harness_threshold_limit", threshold), Is.EqualTo(0.25).Within(1e-12));
            Assert.That(Value(families, "harness_threshold_passed", threshold), Is.EqualTo(0));
            var slow = results.Probes[0].Metrics[0].Phases["slow"];
            Assert.That(
                Value(families, "harness_http_req_duration_seconds", ("probe", "api"), ("phase", "slow"), ("quantile", "0.95")),
                Is.EqualTo(slow.P95!.Value / 1000).Within(1e-12)
            );
            Assert.That(
                Value(families, "harness_http_req_duration_seconds", ("probe", "api"), ("quantile", "0.5")),
                Is.EqualTo(results.Probes[0].Metrics[0].All.Med!.Value / 1000).Within(1e-12),
                "no phase label: the whole run"
            );
            Assert.That(
                Value(families, "harness_http_req_duration_seconds_max", ("probe", "api"), ("phase", "baseline")),
                Is.EqualTo(0.002).Within(1e-12)
            );
            Assert.That(Value(families, "harness_http_req_duration_seconds_samples", ("probe", "api")), Is.EqualTo(4));
        });
    }

    [Test]
    public void From_RatesCountersAndErrors_KeepTheirUnitsAndCounts()
    {
        var window = TimeSpan.FromSeconds(10);
        var probe = new ProbeResult(
            "api",
            "http",
            "/",
            [
                new MetricResult(
                    "http_req_failed",
                    "rate",
                    "",
                    MetricSummary.From(MetricKind.Rate, [1, 0, 0, 0], window),
                    new Dictionary<string, MetricSummary>()
                ),
                new MetricResult(
                    "http_reqs",
                    "counter",
                    "",
                    MetricSummary.From(MetricKind.Counter, [1, 1, 1, 1, 1], window),
                    new Dictionary<string, MetricSummary>()
                ),
            ]
        )
        {
            Errors = [new ErrorTally("http_req_failed", "status_503", 7, ReportFixtures.Start, ReportFixtures.Start, "slow", "HTTP 503")],
        };
        var results = ReportFixtures.Results(failing: false) with { Probes = [probe], Thresholds = [] };

        var families = ResultSeries.From(results);

        Assert.Multiple(() =>
        {
            Assert.That(Value(families, "harness_run_passed"), Is.EqualTo(1));
            Assert.That(Value(families, "harness_http_req_failed_ratio", ("probe", "api")), Is.EqualTo(0.25));
            Assert.That(Value(families, "harness_http_req_failed_samples", ("probe", "api")), Is.EqualTo(4));
            Assert.That(Value(families, "harness_http_reqs", ("probe", "api")), Is.EqualTo(5));
            Assert.That(Value(families, "harness_http_reqs_per_second", ("probe", "api")), Is.EqualTo(0.5));
            Assert.That(
                Value(families, "harness_probe_errors", ("probe", "api"), ("metric", "http_req_failed"), ("class", "status_503")),
                Is.EqualTo(7)
            );
        });
    }

    [Test]
    public void From_Health_PerPhaseSaturationTimerLagCpuAndLoad()
    {
        var health = new HealthResult(
            [],
            [
                new PhaseHealthResult("baseline", 4.5, 31, 0.4, false, null),
                new PhaseHealthResult("slow", 340, 97, 3.5, true, "timer lag p99 340 ms"),
                new PhaseHealthResult("empty", null, null, null, false, null),
            ],
            new HealthBoundsResult(100, 90),
            2
        );
        var results = ReportFixtures.Results() with { Health = health };

        var families = ResultSeries.From(results);

        Assert.Multiple(() =>
        {
            Assert.That(Value(families, "harness_health_saturated", ("phase", "slow")), Is.EqualTo(1));
            Assert.That(Value(families, "harness_health_saturated", ("phase", "baseline")), Is.EqualTo(0));
            Assert.That(Value(families, "harness_health_timer_lag_p99_seconds", ("phase", "slow")), Is.EqualTo(0.34).Within(1e-12));
            Assert.That(Value(families, "harness_health_cpu_ratio", ("phase", "baseline")), Is.EqualTo(0.31).Within(1e-12));
            Assert.That(Value(families, "harness_health_load_per_core", ("phase", "slow")), Is.EqualTo(3.5));
            Assert.That(Value(families, "harness_health_timer_lag_p99_seconds", ("phase", "empty")), Is.Null, "no data, no sample");
            Assert.That(Value(families, "harness_health_saturated", ("phase", "empty")), Is.EqualTo(0));
        });
    }

    [Test]
    public void From_NoHealth_NoHealthSeries()
    {
        var families = ResultSeries.From(ReportFixtures.Results() with { Health = null });

        Assert.That(families.Select(f => f.Name), Has.None.StartsWith("harness_health_"));
    }

    [Test]
    public void From_ThresholdWrittenTwice_OneSeriesPerLabelSet()
    {
        var results = ReportFixtures.Results();
        results = results with { Thresholds = [results.Thresholds[0], results.Thresholds[0]] };

        var observed = ResultSeries.From(results).Single(f => f.Name == "harness_threshold_observed");

        Assert.That(observed.Samples, Has.Count.EqualTo(1));
    }

    [Test]
    public void From_HostileMetricName_SanitizedIntoAValidName()
    {
        var results = ReportFixtures.Results() with
        {
            Probes =
            [
                new ProbeResult(
                    "api",
                    "http",
                    "/",
                    [
                        new MetricResult(
                            "my-metric.v2\"x",
                            "trend",
                            "",
                            MetricSummary.From(MetricKind.Trend, [3], TimeSpan.FromSeconds(1)),
                            new Dictionary<string, MetricSummary>()
                        ),
                    ]
                ),
            ],
        };

        var names = ResultSeries.From(results).Select(f => f.Name).ToList();

        Assert.That(names, Has.Member("harness_my_metric_v2_x"));
        Assert.That(names, Has.All.Matches("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    }

    [TestCase("count", "http_req_duration", "")]
    [TestCase("rate", "http_req_failed", "ratio")]
    [TestCase("p(95)", "http_req_duration", "seconds")]
    [TestCase("avg", "browser_cls", "")]
    public void ThresholdUnit_FollowsAggregationAndMetricUnit(string aggregation, string metric, string unit)
    {
        var t = new ThresholdResult("api", "x", metric, null, aggregation, "<", 1, 1, true, "");

        Assert.That(ResultSeries.ThresholdUnit(t), Is.EqualTo(unit));
    }
}
