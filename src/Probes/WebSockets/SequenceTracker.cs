namespace Harness.Probes.WebSockets;

/// <summary>What one received sequence number revealed.</summary>
/// <param name="Lost">Sequence numbers newly given up on: skipped and not filled within the reorder window.</param>
/// <param name="Duplicated">This number had already been received.</param>
/// <param name="Reordered">This number arrived after a higher one (for example it filled a gap).</param>
internal readonly record struct SequenceObservation(long Lost, bool Duplicated, bool Reordered);

/// <summary>
/// Follows one stream's sequence numbers. The first number may be anything (a late joiner starts mid-stream).
/// A skipped number stays "missing" for <c>window</c> numbers; if it arrives in that time it counts as
/// reordered, otherwise as lost. Memory is bounded by the window, whatever the gaps.
/// </summary>
internal sealed class SequenceTracker
{
    private readonly int _window;
    private readonly long[] _seen; // ring of the last _window numbers received, indexed by seq mod window
    private readonly SortedSet<long> _missing = [];
    private bool _started;
    private long _highest;

    public SequenceTracker(int window = WebSocketProbeDefaults.ReorderWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _window = window;
        _seen = new long[window];
        Array.Fill(_seen, long.MinValue);
    }

    public SequenceObservation Observe(long seq)
    {
        if (!_started)
        {
            _started = true;
            _highest = seq;
            MarkSeen(seq);
            return default;
        }
        if (seq > _highest)
            return Advance(seq);
        if (seq <= _highest - _window)
            return new(0, false, true); // too old to tell apart from a duplicate; it is late either way
        if (_missing.Remove(seq))
        {
            MarkSeen(seq);
            return new(0, false, true);
        }
        if (IsSeen(seq))
            return new(0, true, false);
        MarkSeen(seq); // older than the first number received: sent before we joined, arriving late
        return new(0, false, true);
    }

    /// <summary>Ends the stream: every number still missing is lost. Returns how many.</summary>
    public long Flush()
    {
        long lost = _missing.Count;
        _missing.Clear();
        return lost;
    }

    private SequenceObservation Advance(long seq)
    {
        // Numbers that fall out of the window at once (a long gap) are lost without being tracked one by one.
        var firstTracked = Math.Max(_highest + 1, seq - _window + 1);
        long lost = firstTracked - (_highest + 1);
        for (var s = firstTracked; s < seq; s++)
            _missing.Add(s);
        _highest = seq;
        MarkSeen(seq);
        while (_missing.Count > 0 && _missing.Min <= _highest - _window)
        {
            _missing.Remove(_missing.Min);
            lost++;
        }
        return new(lost, false, false);
    }

    private int Slot(long seq) => (int)(((seq % _window) + _window) % _window);

    private void MarkSeen(long seq) => _seen[Slot(seq)] = seq;

    private bool IsSeen(long seq) => _seen[Slot(seq)] == seq;
}
