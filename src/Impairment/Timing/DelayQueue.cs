namespace Harness.Impairment.Timing;

/// <summary>
/// The delay scheduler's bookkeeping, without threads or clocks: items by deadline (Stopwatch ticks), equal
/// deadlines in the order they were added. <see cref="TakeDue"/> hands out only items whose deadline is at or
/// before the instant it is given, never a later one; items no longer live (cancelled) are skipped, never handed
/// out. Not thread-safe: <see cref="DelayScheduler"/> holds its lock around every call.
/// </summary>
internal sealed class DelayQueue<T>(Func<T, bool> isLive)
{
    // Cancelled items stay queued until they surface; rebuild once they are most of the queue (and at least this many).
    private const int RebuildAt = 64;

    private readonly PriorityQueue<T, (long Due, long Sequence)> _queue = new();
    private long _sequence;
    private int _dead;

    /// <summary>Items still live.</summary>
    public int Live => _queue.UnorderedItems.Count(item => isLive(item.Element));

    /// <summary>Entries held, dead ones included until they surface or a rebuild drops them; for tests.</summary>
    public int Held => _queue.Count;

    public void Add(T item, long due) => _queue.Enqueue(item, (due, _sequence++));

    /// <summary>Called once per item that stopped being live while queued (cancelled).</summary>
    public void Died() => _dead++;

    /// <summary>The earliest deadline held, or null when empty.</summary>
    public long? Earliest()
    {
        DropDead();
        return _queue.TryPeek(out _, out var key) ? key.Due : null;
    }

    /// <summary>Moves every live item due at or before <paramref name="now"/> into <paramref name="into"/>, in order.</summary>
    public void TakeDue(long now, List<T> into)
    {
        while (_queue.TryPeek(out var item, out var key) && key.Due <= now)
        {
            _queue.Dequeue();
            if (isLive(item))
                into.Add(item);
            else
                _dead--;
        }
    }

    // A burst of interrupts (a toxic change re-chains every link) must not keep thousands of dead entries for their whole delay.
    private void DropDead()
    {
        if (_dead < RebuildAt || _dead * 2 < _queue.Count)
            return;
        var live = _queue.UnorderedItems.Where(entry => isLive(entry.Element)).ToList();
        _queue.Clear();
        foreach (var (item, key) in live)
            _queue.Enqueue(item, key);
        _dead = 0;
    }
}
