using Harness.Metrics.Thresholds;

namespace Harness.Scenarios.Model;

/// <summary>
/// A pass/fail rule on one probe's metric, as written (<see cref="Source"/>) and parsed. With
/// <see cref="AbortOnFail"/> the run stops as soon as it is violated (checked every second after <see cref="AbortDelay"/>).
/// </summary>
public sealed record ThresholdSpec(string Probe, string Source, ThresholdExpression Expression)
{
    public bool AbortOnFail { get; init; }

    public TimeSpan AbortDelay { get; init; }
}
