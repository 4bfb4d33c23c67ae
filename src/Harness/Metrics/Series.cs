namespace Harness.Metrics;

/// <summary>One series' aggregate behind a lock: probes add from many threads, the runner reads at the end.</summary>
internal sealed class Series(Probes.Abstractions.MetricKind kind)
{
    private readonly MetricAggregate _aggregate = new(kind);

    public void Add(double value, DateTimeOffset at)
    {
        lock (_aggregate)
            _aggregate.Add(value, at);
    }

    public void Add(Probes.Abstractions.LogLinearHistogram histogram, DateTimeOffset at)
    {
        lock (_aggregate)
            _aggregate.Add(histogram, at);
    }

    public void MergeInto(MetricAggregate target)
    {
        lock (_aggregate)
            target.Merge(_aggregate);
    }
}
