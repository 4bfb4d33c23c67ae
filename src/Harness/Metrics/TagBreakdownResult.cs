namespace Harness.Metrics;

/// <summary>
/// One metric's samples that carried <see cref="Tag"/> = <see cref="Value"/> (step=2, client_version=2.4): summaries and
/// per-second points.
/// </summary>
public sealed record TagBreakdownResult(
    string Tag,
    string Value,
    MetricSummary All,
    IReadOnlyDictionary<string, MetricSummary> Phases,
    IReadOnlyList<SecondPoint> Timeline
);
