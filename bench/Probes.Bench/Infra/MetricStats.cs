using System.Diagnostics;
using Harness.Probes.Abstractions;

namespace Harness.Probes.Bench.Infra;

/// <summary>
/// One metric's values, striped by thread so that many writers rarely contend: each stripe is a histogram
/// under its own lock. Reading merges the stripes into a fresh histogram.
/// </summary>
internal sealed class MetricStats
{
    private const int Stripes = 16;
    private readonly LogLinearHistogram[] _histograms = new LogLinearHistogram[Stripes];
    private long _lastTimestamp;

    public MetricStats()
    {
        for (var i = 0; i < Stripes; i++)
            _histograms[i] = new LogLinearHistogram();
    }

    /// <summary>Stopwatch timestamp of the latest value recorded.</summary>
    public long LastTimestamp => Volatile.Read(ref _lastTimestamp);

    public void Record(double value)
    {
        var h = _histograms[Environment.CurrentManagedThreadId & (Stripes - 1)];
        lock (h)
            h.Record(value);
        Volatile.Write(ref _lastTimestamp, Stopwatch.GetTimestamp());
    }

    public void Merge(LogLinearHistogram other)
    {
        var h = _histograms[Environment.CurrentManagedThreadId & (Stripes - 1)];
        lock (h)
            h.Merge(other);
        Volatile.Write(ref _lastTimestamp, Stopwatch.GetTimestamp());
    }

    public LogLinearHistogram Snapshot()
    {
        var merged = new LogLinearHistogram();
        foreach (var h in _histograms)
        {
            lock (h)
                merged.Merge(h);
        }
        return merged;
    }
}
