namespace Harness.Metrics;

/// <summary>One stream of samples: a metric of one probe during one phase.</summary>
public readonly record struct SeriesKey(string Probe, string Phase, string Metric);
