namespace Harness.Probes.Abstractions;

/// <summary>
/// Optional capability of an <see cref="ISampleSink"/> (k6's opt-in output interfaces): accepts a whole
/// histogram of one series at once, so a high-volume probe (the load probe) can hand over thousands of
/// latencies per second as one bounded-size object instead of one <see cref="Sample"/> each. Histograms of the
/// same series merge exactly (<see cref="LogLinearHistogram.Merge"/>), so percentiles over any time window stay
/// correct; pre-computed p50/p95/p99 samples would not. Probes fall back to per-sample
/// <see cref="ISampleSink.Add"/> when the sink does not implement this.
/// </summary>
public interface IHistogramSink
{
    /// <summary>Takes ownership of <paramref name="histogram"/>; the caller never touches it again.</summary>
    /// <param name="metric">A trend or rate metric from <see cref="MetricNames"/>.</param>
    /// <param name="timestamp">The end of the interval the histogram covers.</param>
    void AddHistogram(string metric, SampleTags tags, DateTimeOffset timestamp, LogLinearHistogram histogram);
}
