using Harness.Probes.Abstractions;

namespace Harness.Metrics;

/// <summary>
/// One class of failure of one probe, as results keep it: the metric that counts it, the class (the samples'
/// <c>error</c> tag), how many, the first and last time, the phase of the first, its message as the example,
/// and the count per phase.
/// </summary>
public sealed record ErrorTally(
    string Metric,
    string Class,
    long Count,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    string Phase,
    string Message
)
{
    public IReadOnlyDictionary<string, long> Phases { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);
}

/// <summary>
/// The failed exchanges of a run, per probe, metric and class. Memory grows with the number of distinct classes,
/// never with the number of failures: each class keeps counts, two times and one message, and a probe's classes
/// beyond <see cref="MaxClassesPerProbe"/> are merged into <see cref="OtherClass"/>. Safe from many threads.
/// </summary>
public sealed class ErrorLog : IErrorSink
{
    public const int MaxClassesPerProbe = 32;

    /// <summary>Where a probe's failures go once it has <see cref="MaxClassesPerProbe"/> classes.</summary>
    public const string OtherClass = "other";

    private readonly object _gate = new();
    private readonly Dictionary<(string Probe, string Metric, string Class), Entry> _entries = [];
    private readonly Dictionary<string, int> _classes = new(StringComparer.Ordinal);

    public void Add(in ProbeError error)
    {
        var probe = error.Tags.Probe;
        lock (_gate)
        {
            var key = (probe, error.Metric, error.Class);
            if (!_entries.TryGetValue(key, out var entry))
            {
                var count = _classes.GetValueOrDefault(probe);
                if (count >= MaxClassesPerProbe)
                    key = (probe, error.Metric, OtherClass);
                if (!_entries.TryGetValue(key, out entry))
                {
                    _entries[key] = entry = new Entry(error.Timestamp, error.Tags.Phase, error.Message);
                    if (key.Item3 != OtherClass)
                        _classes[probe] = count + 1;
                }
            }
            entry.Record(error.Timestamp, error.Tags.Phase);
        }
    }

    /// <summary>A probe's failures, the most frequent class first.</summary>
    public IReadOnlyList<ErrorTally> For(string probe)
    {
        lock (_gate)
        {
            return _entries
                .Where(e => e.Key.Probe == probe)
                .Select(e => e.Value.Tally(e.Key.Metric, e.Key.Class))
                .OrderByDescending(t => t.Count)
                .ThenBy(t => t.Metric, StringComparer.Ordinal)
                .ThenBy(t => t.Class, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>How often each class failed in one phase (every metric together), the most frequent first.</summary>
    public IReadOnlyList<(string Class, long Count)> InPhase(string probe, string phase)
    {
        lock (_gate)
        {
            return _entries
                .Where(e => e.Key.Probe == probe)
                .Select(e => (e.Key.Class, Count: e.Value.CountIn(phase)))
                .Where(c => c.Count > 0)
                .GroupBy(c => c.Class, StringComparer.Ordinal)
                .Select(g => (Class: g.Key, Count: g.Sum(c => c.Count)))
                .OrderByDescending(c => c.Count)
                .ThenBy(c => c.Class, StringComparer.Ordinal)
                .ToList();
        }
    }

    private sealed class Entry(DateTimeOffset first, string phase, string message)
    {
        private readonly Dictionary<string, long> _phases = new(StringComparer.Ordinal);
        private long _count;
        private DateTimeOffset _first = first,
            _last = first;
        private string _phase = phase,
            _message = message;

        public void Record(DateTimeOffset at, string phase)
        {
            _count++;
            _phases[phase] = _phases.GetValueOrDefault(phase) + 1;
            if (at > _last)
                _last = at;
            if (at < _first)
                (_first, _phase) = (at, phase);
        }

        public long CountIn(string phase) => _phases.GetValueOrDefault(phase);

        public ErrorTally Tally(string metric, string @class) =>
            new(metric, @class, _count, _first, _last, _phase, _message)
            {
                Phases = new Dictionary<string, long>(_phases, StringComparer.Ordinal),
            };
    }
}
