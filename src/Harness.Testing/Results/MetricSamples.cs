using Harness.Metrics;
using Harness.Probes.Abstractions;

namespace Harness.Testing;

/// <summary>
/// Durations a test measures itself (an echo's round trip, a page load), summarised as the harness summarises a probe's, so
/// the same threshold grammar applies: <c>Assert.That(samples, Passes.Threshold("p(95) &lt; 400ms"))</c>. Thread-safe.
/// </summary>
public sealed class MetricSamples
{
    private readonly List<double> _values = [];

    /// <summary>Samples named <paramref name="name"/> (shown in messages).</summary>
    public MetricSamples(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The name shown in messages.</summary>
    public string Name { get; }

    /// <summary>The values so far, in milliseconds, in the order added.</summary>
    public IReadOnlyList<double> Values
    {
        get
        {
            lock (_values)
                return _values.ToList();
        }
    }

    /// <summary>Adds one duration.</summary>
    public void Add(TimeSpan duration) => Add(duration.TotalMilliseconds);

    /// <summary>Adds one duration in milliseconds.</summary>
    public void Add(double milliseconds)
    {
        lock (_values)
            _values.Add(milliseconds);
    }

    /// <summary>The summary: count, min, p50, p90, p95, p99, max, average (exact, over every value).</summary>
    public MetricView Summary =>
        new(Name, Name, "ms", MetricSummary.From(MetricKind.Trend, [.. Values], TimeSpan.Zero), new Dictionary<string, MetricSummary>());

    /// <summary>
    /// Holds <paramref name="threshold"/> (e.g. <c>p(95) &lt; 400ms</c>, <c>max &lt;= 1s</c>, <c>avg &gt; 180ms</c>) against the
    /// values.
    /// </summary>
    /// <exception cref="ArgumentException">The threshold cannot be read; the message says where.</exception>
    public ThresholdOutcome Check(string threshold)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threshold);
        // The harness's parser reads "metric aggregation op value"; a duration trend it knows stands in for these samples,
        // so units (ms, s) and aggregations are read exactly as for a probe's durations.
        var prefix = MetricNames.WsRtt + " ";
        var expression = ThresholdCheck.Parse(prefix + threshold, null, prefix.Length);
        return ThresholdCheck.Evaluate(threshold, expression, Summary);
    }
}
