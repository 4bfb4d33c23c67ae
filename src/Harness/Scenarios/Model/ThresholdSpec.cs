using Harness.Metrics;
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

    /// <summary>The sample tags the threshold is scoped to (<c>{participant:alice}</c>), resolved at load; null for every sample.</summary>
    public TagFilter? Tags { get; init; }

    /// <summary>
    /// The matrix cells the threshold belongs to (axis to accepted values), as written under <c>when:</c>; null for
    /// every cell. A cell that does not match never carries the threshold, so there it is absent, not passed.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? When { get; init; }

    /// <summary>The series the metric store must keep for this threshold beside the plain one; null when it is not tag-scoped.</summary>
    public TagScope? Scope => Tags is null ? null : new TagScope(Probe, Expression.Metric, Tags);

    /// <summary><c>axis=value</c> pairs (alternatives joined by <c>|</c>), or null without a cell scope.</summary>
    public string? WhenText => When is null ? null : string.Join(",", When.Select(w => $"{w.Key}={string.Join("|", w.Value)}"));
}
