using System.Globalization;

namespace Harness.Metrics.Thresholds;

/// <summary>How samples of a metric are reduced to one number.</summary>
public enum Aggregation
{
    Percentile,
    Avg,
    Min,
    Max,
    Med,
    Count,
    Rate,
}

/// <summary>The comparison a threshold makes.</summary>
public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// <summary>A <c>name:value</c> of a threshold's braces other than the phase, with the column where it was written.</summary>
public sealed record ThresholdTag(string Name, string Value, int Column);

/// <summary>
/// <c>metric{phase:x,tag:value} aggregation op value</c>, parsed. <see cref="Limit"/> is in the metric's base
/// unit: milliseconds for durations, a 0..1 fraction for rates, a plain number for counts.
/// </summary>
public sealed record ThresholdExpression(
    string Metric,
    string? Phase,
    Aggregation Aggregation,
    double? Percentile,
    ComparisonOperator Operator,
    double Limit
)
{
    /// <summary>Sample tags the threshold is scoped to, as written; the scenario validator checks and resolves them.</summary>
    public IReadOnlyList<ThresholdTag> Tags { get; init; } = [];

    public string AggregationText =>
        Aggregation == Aggregation.Percentile
            ? string.Create(CultureInfo.InvariantCulture, $"p({Percentile})")
            : Aggregation.ToString().ToLowerInvariant();

    public string OperatorText =>
        Operator switch
        {
            ComparisonOperator.Less => "<",
            ComparisonOperator.LessOrEqual => "<=",
            ComparisonOperator.Greater => ">",
            ComparisonOperator.GreaterOrEqual => ">=",
            ComparisonOperator.Equal => "==",
            _ => "!=",
        };

    public bool Holds(double observed) =>
        Operator switch
        {
            ComparisonOperator.Less => observed < Limit,
            ComparisonOperator.LessOrEqual => observed <= Limit,
            ComparisonOperator.Greater => observed > Limit,
            ComparisonOperator.GreaterOrEqual => observed >= Limit,
            ComparisonOperator.Equal => observed == Limit,
            _ => observed != Limit,
        };
}
