using Harness.Probes.Abstractions;

namespace Harness.Metrics.Thresholds;

/// <summary>The verdict on one threshold: the value observed (null when there were no samples) and whether it held.</summary>
public sealed record ThresholdOutcome(double? Observed, bool Passed, string Detail);

/// <summary>Reduces a probe's samples as a threshold asks and compares them with its limit.</summary>
public static class ThresholdEvaluator
{
    /// <param name="probeActive">Whether the probe recorded anything in the window: a count or rate of nothing is then 0.</param>
    public static ThresholdOutcome Evaluate(ThresholdExpression expression, double[] values, TimeSpan window, bool probeActive)
    {
        var aggregate = new MetricAggregate(MetricNames.All[expression.Metric].Kind);
        foreach (var value in values)
            aggregate.Add(value, DateTimeOffset.UnixEpoch);
        return Evaluate(expression, aggregate, window, probeActive);
    }

    /// <summary>
    /// Evaluates a threshold of <paramref name="probe"/> on what a run recorded: its phase and, with
    /// <paramref name="tags"/>, its tag scope select the samples (the store must have been built with that scope).
    /// </summary>
    public static ThresholdOutcome Evaluate(
        ThresholdExpression expression,
        string probe,
        TagFilter? tags,
        MetricStore store,
        TimeSpan window
    )
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(store);
        var aggregate = store.Aggregate(probe, expression.Metric, expression.Phase, tags);
        // A tag value nobody saw (status:504 on a healthy run) is zero events of that kind, as long as the probe measured something.
        return Evaluate(expression, aggregate, window, store.HasSamples(probe, expression.Phase), tags);
    }

    internal static ThresholdOutcome Evaluate(
        ThresholdExpression expression,
        MetricAggregate aggregate,
        TimeSpan window,
        bool probeActive,
        TagFilter? tags = null
    )
    {
        // Counting nothing gives 0 (and a share of nothing, 0 as k6 says); a percentile or a mean of nothing has no value.
        if (aggregate.Samples == 0 && probeActive && expression.Aggregation is Aggregation.Count or Aggregation.Rate)
            return Judge(expression, 0);
        if (aggregate.Samples == 0)
        {
            var where =
                (expression.Phase is null ? string.Empty : $" in phase {expression.Phase}")
                + (tags is null ? string.Empty : $" tagged {tags.Text}");
            return new ThresholdOutcome(null, false, $"no {expression.Metric} samples were recorded{where}, so the threshold cannot hold");
        }
        var summary = aggregate.Summary(window);
        double? observed = expression.Aggregation switch
        {
            Aggregation.Percentile => aggregate.Percentile(expression.Percentile!.Value),
            Aggregation.Avg => summary.Avg,
            Aggregation.Min => summary.Min,
            Aggregation.Max => summary.Max,
            Aggregation.Med => summary.Med,
            Aggregation.Count => summary.Count,
            Aggregation.Rate => summary.Rate,
            _ => null,
        };
        return observed is null
            ? new ThresholdOutcome(null, false, "the aggregation has no value for these samples")
            : Judge(expression, observed.Value);
    }

    private static ThresholdOutcome Judge(ThresholdExpression expression, double observed)
    {
        var passed = expression.Holds(observed);
        return new ThresholdOutcome(observed, passed, passed ? "holds" : "violated");
    }
}
