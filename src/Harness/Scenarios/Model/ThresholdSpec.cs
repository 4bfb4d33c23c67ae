using Harness.Metrics.Thresholds;

namespace Harness.Scenarios.Model;

/// <summary>A pass/fail rule on one probe's metric, as written (<see cref="Source"/>) and parsed.</summary>
public sealed record ThresholdSpec(string Probe, string Source, ThresholdExpression Expression);
