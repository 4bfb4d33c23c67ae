namespace Harness.Metrics;

/// <summary>
/// One stream of samples: a metric of one probe during one phase; with <see cref="Tags"/>, only the samples a threshold's tag scope
/// selects.
/// </summary>
public readonly record struct SeriesKey(string Probe, string Phase, string Metric, TagFilter? Tags = null);
