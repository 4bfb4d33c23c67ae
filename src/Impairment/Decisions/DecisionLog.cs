namespace Harness.Impairment.Decisions;

/// <summary>
/// A proxy's record of per-connection toxic decisions (<see cref="LinkDecision"/>), kept for its first
/// <see cref="Capacity"/> link-toxic pairs so that thousands of connections cost nothing more.
/// </summary>
internal sealed class DecisionLog
{
    public const int Capacity = 4096;
    private readonly object _gate = new();
    private readonly List<(long Connection, Direction Direction, string Toxic, bool Applied, RecordingRandom Random)> _entries = [];

    public void Add(long connection, Direction direction, string toxic, bool applied, Random random)
    {
        if (random is not RecordingRandom recording)
            return;
        lock (_gate)
        {
            if (_entries.Count < Capacity)
                _entries.Add((connection, direction, toxic, applied, recording));
        }
    }

    public IReadOnlyList<LinkDecision> Snapshot()
    {
        lock (_gate)
        {
            return _entries
                .Select(e => new LinkDecision(e.Connection, e.Direction.ToWire(), e.Toxic, e.Applied, e.Random.FirstDraws))
                .OrderBy(d => d.Connection)
                .ThenBy(d => d.Stream, StringComparer.Ordinal)
                .ThenBy(d => d.Toxic, StringComparer.Ordinal)
                .ToArray();
        }
    }
}
