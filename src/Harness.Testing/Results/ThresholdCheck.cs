using Harness.Metrics.Thresholds;
using Harness.Probes.Abstractions;

namespace Harness.Testing;

/// <summary>
/// Holds a threshold (the scenario grammar, parsed by the harness's parser) against a run's summaries after the run.
/// Those keep p(50), p(90), p(95), p(99), min, max, avg, count and rate per phase; anything finer (another percentile,
/// a tag scope) must be declared in the scenario, where it is evaluated over every sample.
/// </summary>
internal static class ThresholdCheck
{
    public static ThresholdExpression Parse(string text, IReadOnlyCollection<string>? recorded, int columnShift = 0)
    {
        var (expression, error) = ThresholdParser.Parse(text, recorded);
        if (error is not null)
        {
            throw new ArgumentException(
                $"threshold \"{text[columnShift..]}\", column {error.Column + 1 - columnShift}: {error.Message}",
                nameof(text)
            );
        }
        return expression!;
    }

    public static ThresholdOutcome Evaluate(string source, ThresholdExpression e, MetricView metric)
    {
        if (e.Tags.Count > 0)
        {
            throw new ArgumentException(
                $"threshold \"{source}\": tag scopes are kept only while the run goes; declare it among the scenario's thresholds"
            );
        }
        var view = e.Phase is null ? metric : metric.Phase(e.Phase);
        var observed = Observe(source, e, view);
        var unit = Unit(e, view);
        var scale = unit == "%" ? 100 : 1;
        var passed = observed is { } o && e.Holds(o);
        var detail =
            $"{e.AggregationText} = {Describe.Value(observed * scale, unit)}, "
            + $"limit {e.OperatorText} {Describe.Value(e.Limit * scale, unit)}";
        return new ThresholdOutcome(source, metric.Probe, observed, passed, detail);
    }

    private static double? Observe(string source, ThresholdExpression e, MetricView m) =>
        e.Aggregation switch
        {
            Aggregation.Percentile => e.Percentile switch
            {
                50 => m.P50,
                90 => m.P90,
                95 => m.P95,
                99 => m.P99,
                _ => throw new ArgumentException(
                    $"threshold \"{source}\": the results keep p(50), p(90), p(95) and p(99), not {e.AggregationText}; "
                        + "declare it among the scenario's thresholds"
                ),
            },
            Aggregation.Avg => m.Avg,
            Aggregation.Min => m.Min,
            Aggregation.Max => m.Max,
            Aggregation.Med => m.P50,
            Aggregation.Count => m.Samples == 0 ? null : m.Count,
            _ => m.Rate,
        };

    private static string Unit(ThresholdExpression e, MetricView m) =>
        m.Kind == MetricKind.Rate && e.Aggregation == Aggregation.Rate ? "%"
        : e.Aggregation == Aggregation.Count ? ""
        : m.Unit;
}
