namespace Harness.Probes.Abstractions;

/// <summary>
/// One measurement a probe made: a metric name from <see cref="MetricNames"/>, its value in the metric's
/// unit (milliseconds for durations, 1/0 for rates, an increment for counters), when it was taken, and its tags.
/// </summary>
public readonly record struct Sample(string Metric, double Value, DateTimeOffset Timestamp, SampleTags Tags);
