using Harness.Impairment.Toxics;

namespace Harness.Impairment.Udp;

/// <summary>
/// Sends datagrams of one session direction at their release times, in (time, arrival) order, from one timer.
/// A datagram due now with nothing queued (and no flush under way) is sent at once, on the caller's thread. Sends
/// happen outside the lock: a slow send on the timer's thread never holds up the receive loop that schedules; one
/// flush at a time takes what is due in batches, so the order is kept.
/// </summary>
internal sealed class DatagramScheduler : IDisposable
{
    private readonly object _gate = new();
    private readonly PriorityQueue<byte[], (DateTimeOffset Due, long Sequence)> _queue = new();
    private readonly TimeProvider _time;
    private readonly Action<byte[]> _send;
    private readonly ITimer _timer;
    private long _sequence;
    private bool _disposed;
    private bool _flushing;

    public DatagramScheduler(TimeProvider time, Action<byte[]> send)
    {
        _time = time;
        _send = send;
        _timer = time.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Schedule(byte[] datagram, TimeSpan delay)
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            if (delay > TimeSpan.Zero || _queue.Count > 0 || _flushing)
            {
                var due = _time.GetUtcNow() + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
                _queue.Enqueue(datagram, (due, _sequence++));
                // A flush under way takes it (or arms for it) before it ends.
                if (!_flushing)
                    Arm();
                return;
            }
        }
        // One receive loop schedules for a direction, so nothing else can be sent in between.
        _send(datagram);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queue.Clear();
        }
        _timer.Dispose();
    }

    private void Flush()
    {
        lock (_gate)
        {
            if (_disposed || _flushing)
                return;
            _flushing = true;
        }
        var batch = new List<byte[]>();
        while (true)
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                while (!_disposed && _queue.TryPeek(out var datagram, out var key) && key.Due <= now)
                {
                    _queue.Dequeue();
                    batch.Add(datagram);
                }
                if (batch.Count == 0)
                {
                    _flushing = false;
                    if (!_disposed)
                        Arm();
                    return;
                }
            }
            foreach (var datagram in batch)
                _send(datagram);
            batch.Clear();
        }
    }

    private void Arm()
    {
        if (!_queue.TryPeek(out _, out var key))
            return;
        // Timers reject waits past ~49 days; a capped wait fires early, finds nothing due and re-arms.
        var wait = key.Due - _time.GetUtcNow();
        _timer.Change(
            wait <= TimeSpan.Zero ? TimeSpan.Zero
                : wait < WireTime.Longest ? wait
                : WireTime.Longest,
            Timeout.InfiniteTimeSpan
        );
    }
}
