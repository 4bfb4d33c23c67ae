using System.Collections.Concurrent;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Orchestration;

/// <summary>
/// Counts each probe's named checks (the <c>check</c> tag of its <c>checks</c> samples) as they pass and fail, so
/// junit.xml can name every failed check. At most <see cref="MaxNamesPerProbe"/> names per probe are kept; samples
/// of further names still reach the store, only their per-name tally is dropped.
/// </summary>
internal sealed class CheckTally
{
    public const int MaxNamesPerProbe = 200;

    private readonly ConcurrentDictionary<(string Probe, string Name), Counter> _counters = new();
    private readonly ConcurrentDictionary<string, int> _names = new(StringComparer.Ordinal);

    /// <summary>Puts the tally in front of every probe's sink; every sample still reaches the sink unchanged.</summary>
    public Func<TSpec, ProbeContext> Observe<TSpec>(Func<TSpec, ProbeContext> contexts) =>
        spec =>
        {
            var context = contexts(spec);
            return context with { Sink = new Sink(context.Sink, this) };
        };

    public void Add(in Sample sample)
    {
        if (sample.Metric == MetricNames.Checks)
            Add(sample.Tags, sample.Value != 0 ? 1 : 0, sample.Value != 0 ? 0 : 1);
    }

    /// <summary>A load probe's batch of check outcomes (values 0 and 1): the sum passed, the rest failed.</summary>
    public void Add(string metric, SampleTags tags, LogLinearHistogram histogram)
    {
        if (metric != MetricNames.Checks)
            return;
        var passed = (long)Math.Round(histogram.Sum);
        Add(tags, passed, histogram.Count - passed);
    }

    private void Add(SampleTags tags, long passed, long failed)
    {
        if (tags.Extra?.GetValueOrDefault("check") is not { } name)
            return;
        var key = (tags.Probe, name);
        if (!_counters.TryGetValue(key, out var counter))
        {
            if (_names.AddOrUpdate(tags.Probe, 1, (_, n) => n + 1) > MaxNamesPerProbe)
                return;
            counter = _counters.GetOrAdd(key, _ => new Counter());
        }
        Interlocked.Add(ref counter.Passed, passed);
        Interlocked.Add(ref counter.Failed, failed);
    }

    /// <summary>The probe's checks in name order.</summary>
    public IReadOnlyList<CheckResult> For(string probe) =>
        _counters
            .Where(c => c.Key.Probe == probe)
            .OrderBy(c => c.Key.Name, StringComparer.Ordinal)
            .Select(c => new CheckResult(c.Key.Name, Interlocked.Read(ref c.Value.Passed), Interlocked.Read(ref c.Value.Failed)))
            .ToList();

    private sealed class Counter
    {
        public long Passed;
        public long Failed;
    }

    private sealed class Sink(ISampleSink inner, CheckTally tally) : ISampleSink, IHistogramSink
    {
        public void Add(in Sample sample)
        {
            tally.Add(sample);
            inner.Add(sample);
        }

        // Read before the store takes ownership of the histogram. The inner sink is the store or the monitor's, both histogram sinks.
        public void AddHistogram(string metric, SampleTags tags, DateTimeOffset timestamp, LogLinearHistogram histogram)
        {
            tally.Add(metric, tags, histogram);
            ((IHistogramSink)inner).AddHistogram(metric, tags, timestamp, histogram);
        }
    }
}
