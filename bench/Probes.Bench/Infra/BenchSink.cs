using System.Collections.Concurrent;
using System.Globalization;
using Harness.Probes.Abstractions;

namespace Harness.Probes.Bench.Infra;

/// <summary>
/// An in-memory sink that only aggregates: per metric a striped histogram (count, sum, percentiles), per
/// (metric, cause/reason/status) a counter for failures, and optionally per client the ws_msgs_received count
/// (clients tagged by the probe's TagClients). Allocates nothing per sample on the hot path.
/// </summary>
internal sealed class BenchSink(bool byPhase = false) : ISampleSink, IHistogramSink
{
    private static readonly string[] FailureTags = ["cause", "reason", "status"];
    private readonly ConcurrentDictionary<string, MetricStats> _metrics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _tagged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long[]> _perClient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long[]> _perClientFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Phase, string Metric), MetricStats> _phased = new();

    /// <summary>Counts ws_msgs_received per client of <paramref name="probe"/> (which must tag clients).</summary>
    public void TrackClients(string probe, int clients)
    {
        _perClient[probe] = new long[clients];
        _perClientFailures[probe] = new long[clients];
    }

    public void Add(in Sample sample)
    {
        Stats(sample.Metric).Record(sample.Value);
        if (byPhase)
            _phased.GetOrAdd((sample.Tags.Phase, sample.Metric), static _ => new MetricStats()).Record(sample.Value);
        if (sample.Metric == MetricNames.WsMsgsReceived)
        {
            if (
                _perClient.TryGetValue(sample.Tags.Probe, out var counts)
                && sample.Tags.Extra is { } extra
                && extra.TryGetValue("client", out var client)
            )
                Interlocked.Increment(ref counts[int.Parse(client, CultureInfo.InvariantCulture)]);
            return;
        }
        if (sample.Metric is MetricNames.WsDisconnects or MetricNames.WsHandshakeFailed && sample.Tags.Extra is { } tags)
        {
            if (
                sample.Metric == MetricNames.WsHandshakeFailed
                && _perClientFailures.TryGetValue(sample.Tags.Probe, out var failures)
                && tags.TryGetValue("client", out var failed)
            )
                Interlocked.Increment(ref failures[int.Parse(failed, CultureInfo.InvariantCulture)]);
            foreach (var key in FailureTags)
            {
                if (tags.TryGetValue(key, out var value))
                    _tagged.AddOrUpdate($"{sample.Metric}{{{key}={value}}}", 1, (_, n) => n + 1);
            }
        }
    }

    public void AddHistogram(string metric, SampleTags tags, DateTimeOffset timestamp, LogLinearHistogram histogram) =>
        Stats(metric).Merge(histogram);

    public LogLinearHistogram Snapshot(string metric) =>
        _metrics.TryGetValue(metric, out var stats) ? stats.Snapshot() : new LogLinearHistogram();

    /// <summary>The values of <paramref name="metric"/> taken in <paramref name="phase"/> (needs byPhase).</summary>
    public LogLinearHistogram Snapshot(string phase, string metric) =>
        _phased.TryGetValue((phase, metric), out var stats) ? stats.Snapshot() : new LogLinearHistogram();

    /// <summary>Number of samples (or histogram values) of <paramref name="metric"/>.</summary>
    public long Count(string metric) => Snapshot(metric).Count;

    /// <summary>Sum of values: the total of a counter.</summary>
    public double Total(string metric) => Snapshot(metric).Sum;

    public long LastTimestamp(string metric) => _metrics.TryGetValue(metric, out var stats) ? stats.LastTimestamp : 0;

    /// <summary>Copies the per-client received counts of <paramref name="probe"/>.</summary>
    public long[] ClientCounts(string probe)
    {
        var counts = _perClient[probe];
        var copy = new long[counts.Length];
        for (var i = 0; i < counts.Length; i++)
            copy[i] = Interlocked.Read(ref counts[i]);
        return copy;
    }

    /// <summary>The most handshake failures any one client of <paramref name="probe"/> had.</summary>
    public long MaxClientFailures(string probe) => _perClientFailures[probe].Max();

    /// <summary>Failure counters by tag, e.g. <c>ws_disconnects{cause=reset}=5000</c>.</summary>
    public string TaggedSummary() =>
        _tagged.IsEmpty ? "none" : string.Join(", ", _tagged.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private MetricStats Stats(string metric) => _metrics.GetOrAdd(metric, static _ => new MetricStats());
}
