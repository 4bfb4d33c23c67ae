namespace Harness.Metrics;

/// <summary>The values of one series. Appends are thread-safe; reads take a snapshot.</summary>
internal sealed class Series
{
    private readonly object _gate = new();
    private readonly List<double> _values = [];
    private DateTimeOffset _first = DateTimeOffset.MaxValue;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public void Add(double value, DateTimeOffset at)
    {
        lock (_gate)
        {
            _values.Add(value);
            if (at < _first) _first = at;
            if (at > _last) _last = at;
        }
    }

    public double[] Snapshot()
    {
        lock (_gate) return [.. _values];
    }
}
