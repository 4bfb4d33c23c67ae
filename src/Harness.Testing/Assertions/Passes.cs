using NUnit.Framework.Constraints;

namespace Harness.Testing;

/// <summary>
/// NUnit constraints on a <see cref="ScenarioResult"/> or <see cref="MetricSamples"/>; a failure's message gives the observed
/// values, the limits and the report's path.
/// </summary>
/// <example>
/// <code>
/// Assert.That(result, Passes.Thresholds());
/// Assert.That(result, Passes.Threshold("api", "http_req_duration{phase:degraded} p(95) &lt; 900ms"));
/// Assert.That(echoTimes, Passes.Threshold("p(95) &lt; 400ms"));
/// </code>
/// </example>
public static class Passes
{
    /// <summary>The run passed: every threshold the scenario declared held and nothing went wrong (no error, not interrupted).</summary>
    public static Constraint Thresholds() => new ScenarioPassesConstraint();

    /// <summary>
    /// One threshold holds: on a <see cref="ScenarioResult"/> (for a metric one probe recorded) in the scenario grammar,
    /// e.g. <c>ws_rtt p(95) &lt; 300ms</c>; on <see cref="MetricSamples"/> without the metric, e.g. <c>p(95) &lt; 300ms</c>.
    /// </summary>
    public static Constraint Threshold(string threshold) => new ThresholdConstraint(null, threshold);

    /// <summary>One threshold holds on probe <paramref name="probe"/> of a <see cref="ScenarioResult"/>.</summary>
    public static Constraint Threshold(string probe, string threshold) => new ThresholdConstraint(probe, threshold);
}

/// <summary>A constraint result whose failure message is written in full.</summary>
internal sealed class OutcomeResult(IConstraint constraint, object? actual, bool passed, string message)
    : ConstraintResult(constraint, actual, passed)
{
    public override void WriteMessageTo(MessageWriter writer) => writer.WriteLine(message);
}

internal sealed class ThresholdConstraint(string? probe, string threshold) : Constraint(probe, threshold)
{
    public override string Description => probe is null ? $"threshold {threshold}" : $"threshold {probe}: {threshold}";

    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        var (outcome, context) = actual switch
        {
            ScenarioResult r => (probe is null ? r.Check(threshold) : r.Check(probe, threshold), $"\n  report: {r.HtmlReport}"),
            MetricSamples s => (s.Check(threshold), $"\n  {s.Summary}"),
            _ => throw new ArgumentException(
                $"Passes.Threshold applies to a ScenarioResult or MetricSamples, not {actual?.GetType().Name ?? "null"}"
            ),
        };
        return new OutcomeResult(this, actual, outcome.Passed, $"Expected {Description} to hold, but {outcome}{context}");
    }
}

internal sealed class ScenarioPassesConstraint : Constraint
{
    public override string Description => "a passing scenario run";

    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        var result =
            actual as ScenarioResult
            ?? throw new ArgumentException($"Passes.Thresholds applies to a ScenarioResult, not {actual?.GetType().Name ?? "null"}");
        return new OutcomeResult(this, actual, result.Passed, $"Expected the scenario to pass, but:\n{result.Describe()}");
    }
}
