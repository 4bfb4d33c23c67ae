using System.Globalization;
using Harness.Reports;
using Harness.Reports.Model;

namespace Harness.Testing;

/// <summary>
/// What a scenario run measured and decided: verdict, thresholds, metrics per probe and phase, and where its reports are.
/// </summary>
public sealed class ScenarioResult
{
    internal ScenarioResult(RunResults results, string reportDirectory)
    {
        Results = results;
        ReportDirectory = reportDirectory;
    }

    /// <summary>Everything the run recorded: the same record results.json holds.</summary>
    public RunResults Results { get; }

    /// <summary>The run's report folder (results.json, index.html, junit.xml, summary.md, artifacts/).</summary>
    public string ReportDirectory { get; }

    /// <summary>The HTML report.</summary>
    public string HtmlReport => Path.Combine(ReportDirectory, ReportWriter.HtmlFile);

    /// <summary>Passed, failed (a threshold), error (target or infrastructure unusable), interrupted or inconclusive.</summary>
    public RunStatus Status => Results.Status;

    /// <summary>True when the run passed: every threshold held and nothing went wrong.</summary>
    public bool Passed => Status == RunStatus.Passed;

    /// <summary>The exit code <c>harness run</c> would have returned (0 pass, 1 thresholds failed, 3 unusable, 4 inconclusive).</summary>
    public int ExitCode => Results.ExitCode;

    /// <summary>The seed the run used (repeat it with <see cref="ScenarioRunOptions.Seed"/>).</summary>
    public int Seed => Results.Scenario.Seed;

    /// <summary>Each threshold the scenario declared, with its observed value and verdict.</summary>
    public IReadOnlyList<ThresholdResult> Thresholds => Results.Thresholds;

    /// <summary>What went wrong beside thresholds (a service that did not start, a refused event, ...).</summary>
    public IReadOnlyList<string> Errors => Results.Errors;

    /// <summary>The metric <paramref name="name"/> of the one probe that recorded it.</summary>
    /// <exception cref="ArgumentException">No probe or several recorded it; the message names them (then use <see
    /// cref="Metric(string, string)"/>).</exception>
    public MetricView Metric(string name)
    {
        var owners = Results.Probes.Where(p => p.Metrics.Any(m => m.Name == name)).Select(p => p.Name).ToList();
        return owners.Count switch
        {
            1 => Metric(owners[0], name),
            0 => throw new ArgumentException($"no probe recorded {name}; recorded: {string.Join(", ", AllMetrics())}", nameof(name)),
            _ => throw new ArgumentException(
                $"{name} was recorded by {string.Join(", ", owners)}; name the probe: Metric(probe, \"{name}\")",
                nameof(name)
            ),
        };
    }

    /// <summary>The metric <paramref name="name"/> of probe <paramref name="probe"/>.</summary>
    /// <exception cref="ArgumentException">The probe is unknown or did not record it; the message lists what there is.</exception>
    public MetricView Metric(string probe, string name)
    {
        var owner = Results.Probes.FirstOrDefault(p => p.Name == probe)
            ?? throw new ArgumentException(
                $"no probe '{probe}' in {Results.Scenario.Name}; probes: {string.Join(", ", Results.Probes.Select(p => p.Name))}",
                nameof(probe)
            );
        var metric = owner.Metrics.FirstOrDefault(m => m.Name == name)
            ?? throw new ArgumentException(
                $"probe {probe} recorded no {name}; it recorded: {string.Join(", ", owner.Metrics.Select(m => m.Name))}",
                nameof(name)
            );
        return new MetricView(probe, name, metric.Unit, metric.All, metric.Phases);
    }

    /// <summary>
    /// Holds <paramref name="threshold"/> (the scenario's grammar, e.g. <c>http_req_duration{phase:degraded} p(95) &lt; 700ms</c>)
    /// against the
    /// run: a threshold the scenario declared gives its own outcome; another is evaluated over the run's summaries.
    /// </summary>
    public ThresholdOutcome Check(string probe, string threshold)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threshold);
        var declared = Thresholds.FirstOrDefault(t => t.Probe == probe && t.Expression.Trim() == threshold.Trim());
        if (declared is not null)
            return new ThresholdOutcome(threshold, probe, declared.Observed, declared.Passed, declared.Detail);
        var expression = ThresholdCheck.Parse(threshold, Recorded());
        return ThresholdCheck.Evaluate(threshold, expression, Metric(probe, expression.Metric));
    }

    /// <summary>As <see cref="Check(string, string)"/>, for a metric only one probe recorded.</summary>
    public ThresholdOutcome Check(string threshold)
    {
        var expression = ThresholdCheck.Parse(threshold, Recorded());
        return Check(Metric(expression.Metric).Probe, threshold);
    }

    /// <summary>The verdict, errors and every threshold in lines, as <c>harness run</c> prints them, and the report's path.</summary>
    public string Describe()
    {
        var lines = new List<string>
        {
            string.Create(
                CultureInfo.InvariantCulture,
                $"{Results.Scenario.Name}: {Status.ToString().ToUpperInvariant()} (exit {ExitCode}, seed {Seed})"
            ),
        };
        lines.AddRange(Errors.Select(e => $"  error: {e}"));
        lines.AddRange(Thresholds.Select(t => $"  {(t.Passed ? "pass" : "FAIL")}  {t.Probe}: {t.Expression}  ({ReportFormat.Outcome(t)})"));
        lines.Add($"  report: {HtmlReport}");
        return string.Join("\n", lines);
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    private IEnumerable<string> AllMetrics() => Results.Probes.SelectMany(p => p.Metrics.Select(m => $"{p.Name}/{m.Name}"));

    private List<string> Recorded() =>
        Results.Probes.SelectMany(p => p.Metrics.Select(m => m.Name)).Distinct(StringComparer.Ordinal).ToList();
}
