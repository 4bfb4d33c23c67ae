using System.Globalization;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Exporting;

/// <summary>One value of a metric family: its labels (in a fixed order) and the value, in the family's base unit.</summary>
public sealed record ResultSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value);

/// <summary>A metric as exporters send it: Prometheus-style name, help text, unit ("seconds", "ratio" or "") and its samples.</summary>
public sealed record ResultFamily(string Name, string Help, string Unit, IReadOnlyList<ResultSample> Samples);

/// <summary>
/// A run's results as gauges, the one model both exporters (Pushgateway and OTLP) send: the verdict, every threshold's
/// observed value, limit and pass flag, and each probe metric's main statistics over the whole run and per phase.
/// Durations are converted from the results' milliseconds to seconds. Scenario and matrix cell are not labels here:
/// each exporter adds them its own way. Built from the redacted model, so no secret reaches an exporter.
/// A sample whose name and labels repeat an earlier one (a threshold written twice) is dropped: series are unique.
/// </summary>
public static class ResultSeries
{
    public const string Prefix = "harness_";

    public static IReadOnlyList<ResultFamily> From(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var families = new FamilyList();
        Verdict(results, families);
        if (results.Health is { } health)
            Health(health, families);
        foreach (var t in results.Thresholds)
            Threshold(t, families);
        foreach (var probe in results.Probes)
        {
            foreach (var metric in probe.Metrics)
            {
                ProbeMetric(probe.Name, metric, null, metric.All, families);
                foreach (var (phase, summary) in metric.Phases)
                    ProbeMetric(probe.Name, metric, phase, summary, families);
            }
            foreach (var error in probe.Errors)
            {
                families.Add(
                    "harness_probe_errors",
                    "Failed exchanges of a probe per metric and error class over the whole run",
                    "",
                    [new("probe", probe.Name), new("metric", error.Metric), new("class", error.Class)],
                    error.Count
                );
            }
        }
        return families.ToList();
    }

    private static void Verdict(RunResults results, FamilyList families)
    {
        List<KeyValuePair<string, string>> none = [];
        families.Add(
            "harness_run_passed",
            "1 when the run passed, 0 otherwise (failed, inconclusive, error, interrupted)",
            "",
            none,
            results.Status == RunStatus.Passed ? 1 : 0
        );
        families.Add(
            "harness_run_exit_code",
            "The run's exit code (0 pass, 1 thresholds failed, 3 unusable, 4 inconclusive, 130 interrupted)",
            "",
            none,
            results.ExitCode
        );
        families.Add(
            "harness_run_status",
            "1 for the run's status (label status), the other statuses are not sent",
            "",
            [new("status", results.Status.ToString().ToLowerInvariant())],
            1
        );
        families.Add("harness_run_duration_seconds", "How long the run took", "seconds", none, results.DurationMs / 1000);
        families.Add(
            "harness_run_finished_timestamp_seconds",
            "When the run finished, Unix time",
            "seconds",
            none,
            results.FinishedAt.ToUnixTimeMilliseconds() / 1000.0
        );
        families.Add("harness_run_seed", "The seed of the run (repeat it with --seed)", "", none, results.Scenario.Seed);
    }

    // The measurement-health signal per phase, so a dashboard can tell a slow target from a saturated harness.
    private static void Health(HealthResult health, FamilyList families)
    {
        foreach (var phase in health.Phases)
        {
            List<KeyValuePair<string, string>> labels = [new("phase", phase.Phase)];
            families.Add(
                "harness_health_saturated",
                "1 when the harness itself was saturated in the phase (its timings are unreliable)",
                "",
                labels,
                phase.Saturated ? 1 : 0
            );
            if (phase.TimerLagP99Ms is { } lag)
            {
                families.Add(
                    "harness_health_timer_lag_p99_seconds",
                    "How late the harness's timers fired, p99 over the phase",
                    "seconds",
                    labels,
                    lag / 1000
                );
            }
            if (phase.CpuPercent is { } cpu)
            {
                families.Add(
                    "harness_health_cpu_ratio",
                    "The harness process's mean CPU over the phase, as a share of the machine",
                    "ratio",
                    labels,
                    cpu / 100
                );
            }
            if (phase.LoadPerCore is { } load)
            {
                families.Add("harness_health_load_per_core", "The machine's mean load average per core over the phase", "", labels, load);
            }
        }
    }

    private static void Threshold(ThresholdResult t, FamilyList families)
    {
        var unit = ThresholdUnit(t);
        var labels = new List<KeyValuePair<string, string>>
        {
            new("probe", t.Probe),
            new("metric", t.Metric),
            new("threshold", t.Expression),
        };
        if (t.Phase is not null)
            labels.Add(new("phase", t.Phase));
        labels.Add(new("aggregation", t.Aggregation));
        labels.Add(new("unit", unit));
        var scale = unit == "seconds" ? 0.001 : 1;
        families.Add(
            "harness_threshold_passed",
            "1 when the threshold held, 0 when it failed or saw no data",
            "",
            labels,
            t.Passed ? 1 : 0
        );
        if (t.Observed is { } observed)
        {
            families.Add(
                "harness_threshold_observed",
                "The value a threshold observed, in the unit its label names (seconds, ratio, or a count)",
                "",
                labels,
                observed * scale
            );
        }
        families.Add(
            "harness_threshold_limit",
            "A threshold's limit, in the unit its label names (seconds, ratio, or a count)",
            "",
            labels,
            t.Limit * scale
        );
    }

    /// <summary>"seconds" for a duration statistic, "ratio" for a rate, "" for counts and unitless values.</summary>
    public static string ThresholdUnit(ThresholdResult t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Aggregation == "count")
            return "";
        if (t.Aggregation == "rate")
            return "ratio";
        return MetricNames.All.TryGetValue(t.Metric, out var info) && info.Unit == "ms" ? "seconds" : "";
    }

    private static void ProbeMetric(string probe, MetricResult metric, string? phase, Metrics.MetricSummary s, FamilyList families)
    {
        var labels = new List<KeyValuePair<string, string>> { new("probe", probe) };
        if (phase is not null)
            labels.Add(new("phase", phase));
        var name = Prefix + Sanitize(metric.Name);
        // Help texts name the sanitized metric, so one family name always carries one help text (the Pushgateway checks).
        var what = Sanitize(metric.Name);
        switch (metric.Kind)
        {
            case "rate":
                families.Add(name + "_ratio", $"{what}: share of samples that were non-zero", "ratio", labels, s.Rate);
                families.Add(name + "_samples", $"{what}: samples the ratio is over", "", labels, s.Samples);
                break;
            case "counter":
                families.Add(name, $"{what}: total over the run (or phase)", "", labels, s.Count);
                families.Add(name + "_per_second", $"{what}: total per second", "", labels, s.Rate);
                break;
            default:
                Distribution(name, metric, labels, s, families);
                break;
        }
    }

    private static void Distribution(
        string name,
        MetricResult metric,
        List<KeyValuePair<string, string>> labels,
        Metrics.MetricSummary s,
        FamilyList families
    )
    {
        var seconds = metric.Unit == "ms";
        var scale = seconds ? 0.001 : 1;
        var unit = seconds ? "seconds" : "";
        var stem = seconds ? name + "_seconds" : name;
        var what = seconds ? $"{Sanitize(metric.Name)} in seconds" : Sanitize(metric.Name);
        foreach (var (quantile, value) in new[] { ("0.5", s.Med), ("0.9", s.P90), ("0.95", s.P95), ("0.99", s.P99) })
        {
            families.Add(stem, $"{what}: quantiles (label quantile)", unit, [.. labels, new("quantile", quantile)], value * scale);
        }
        families.Add(stem + "_min", $"{what}: smallest sample", unit, labels, s.Min * scale);
        families.Add(stem + "_max", $"{what}: largest sample", unit, labels, s.Max * scale);
        families.Add(stem + "_avg", $"{what}: mean", unit, labels, s.Avg * scale);
        families.Add(stem + "_samples", $"{Sanitize(metric.Name)}: how many samples", "", labels, s.Samples);
    }

    /// <summary>A metric name as Prometheus allows it: every character outside [a-zA-Z0-9_] becomes '_'.</summary>
    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        return chars.Length == 0 ? "_" : new string(chars);
    }

    /// <summary>Families in first-seen order; samples unique per family and label set; absent values left out.</summary>
    private sealed class FamilyList
    {
        private readonly List<(string Name, string Help, string Unit, List<ResultSample> Samples)> _families = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public void Add(string name, string help, string unit, List<KeyValuePair<string, string>> labels, double? value)
        {
            if (value is not { } v)
                return;
            var key =
                name
                + "\n"
                + string.Join(
                    "\n",
                    labels.Select(l => l.Key + "=" + l.Value.Length.ToString(CultureInfo.InvariantCulture) + ":" + l.Value)
                );
            if (!_seen.Add(key))
                return;
            if (!_index.TryGetValue(name, out var index))
            {
                _families.Add((name, help, unit, []));
                index = _index[name] = _families.Count - 1;
            }
            _families[index].Samples.Add(new ResultSample([.. labels], v));
        }

        public List<ResultFamily> ToList() => _families.Select(f => new ResultFamily(f.Name, f.Help, f.Unit, f.Samples)).ToList();
    }
}
