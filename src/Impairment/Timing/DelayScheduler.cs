using System.Diagnostics;

namespace Harness.Impairment.Timing;

/// <summary>
/// Releases waits at their deadline on the monotonic clock (<see cref="Stopwatch"/> ticks), more precisely than
/// .NET timers, which tick in whole milliseconds and fire up to a few milliseconds late (the latency toxic's p99 was
/// 106.75 ms for 100). One dedicated thread sleeps until shortly before the earliest deadline, then yields in a loop
/// for the last stretch and releases every waiter that is due in the same wake-up. It never releases early, parks
/// without a timeout when nothing waits, and spends at most <see cref="SpinShare"/> of one core spinning: when the
/// budget is used up (dense deadlines), it falls back to 1 ms sleeps, as late as a timer but no later.
/// The first waiters released in a wake-up continue inline on this thread (the thread that is already awake and on
/// a core: no hand-off to a pool thread that first has to be scheduled, which is what made the tail under load);
/// once <see cref="InlineBudget"/> of a wake-up is spent, the rest continue on the thread pool, so a burst of
/// deadlines is spread over the cores and one slow continuation delays the others by at most the budget.
/// Cancelled waiters always continue on the pool, never on the cancelling thread.
/// </summary>
internal sealed class DelayScheduler
{
    /// <summary>How long before a deadline the thread stops sleeping and starts yielding (sleeps overshoot by ~0.1 ms when idle).</summary>
    public static readonly TimeSpan SpinWindow = TimeSpan.FromMilliseconds(1);

    /// <summary>Most of one core the spinning may use, averaged over <see cref="BudgetCap"/>.</summary>
    public const double SpinShare = 0.25;

    /// <summary>The scheduler thread's name (continuations released inline run on it).</summary>
    public const string ThreadName = "impairment-delays";

    /// <summary>How long a wake-up may run released continuations inline before handing the rest to the pool.</summary>
    public static readonly TimeSpan InlineBudget = TimeSpan.FromMicroseconds(200);

    private static readonly TimeSpan BudgetCap = TimeSpan.FromMilliseconds(20);
    private static readonly long InlineBudgetTicks = Ticks(InlineBudget);
    private static readonly long SpinWindowTicks = Ticks(SpinWindow);
    private static readonly long BudgetCapTicks = Ticks(BudgetCap);
    private static readonly long TicksPerMillisecond = Stopwatch.Frequency / 1000;

    private readonly object _gate = new();
    private readonly PriorityQueue<Waiter, (long Due, long Sequence)> _queue = new();
    private readonly List<Waiter> _due = [];
    private Thread? _thread;
    private long _sequence;
    private long _sleepingUntil = long.MaxValue;
    private int _cancelled;
    private long _budget = BudgetCapTicks;
    private long _budgetUpdated = Stopwatch.GetTimestamp();

    /// <summary>The process-wide scheduler; its thread starts with the first wait and parks while nothing waits.</summary>
    public static DelayScheduler Shared { get; } = new();

    /// <summary>Waiters still waiting; for tests.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
                return _queue.UnorderedItems.Count(item => !item.Element.Task.IsCompleted);
        }
    }

    /// <summary>Stopwatch ticks spent yielding before deadlines since start; for tests and benchmarks.</summary>
    public long SpunTicks { get; private set; }

    public static long Ticks(TimeSpan span) => (long)(span.Ticks * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond));

    /// <summary>
    /// Completes with true once <see cref="Stopwatch.GetTimestamp"/> reaches <paramref name="dueTimestamp"/>, or with
    /// false as soon as <paramref name="cancellation"/> is cancelled.
    /// </summary>
    public async ValueTask<bool> WaitUntilAsync(long dueTimestamp, CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested)
            return false;
        if (Stopwatch.GetTimestamp() >= dueTimestamp)
            return true;
        var waiter = new Waiter(this);
        using (cancellation.UnsafeRegister(static state => ((Waiter)state!).Cancel(), waiter))
        {
            Enqueue(waiter, dueTimestamp);
            return await waiter.Task.ConfigureAwait(false);
        }
    }

    private void Enqueue(Waiter waiter, long due)
    {
        lock (_gate)
        {
            _queue.Enqueue(waiter, (due, _sequence++));
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = ThreadName };
                _thread.Start();
            }
            else if (due < _sleepingUntil)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    private void OnCancelled()
    {
        lock (_gate)
            _cancelled++;
    }

    private void Run()
    {
        while (true)
        {
            var spinUntil = NextStep();
            if (spinUntil is { } deadline)
            {
                var started = Stopwatch.GetTimestamp();
                // Yield rather than spin hard: on a busy box the cores go to whoever is runnable.
                while (Stopwatch.GetTimestamp() < deadline && !EarlierArrived(deadline))
                    Thread.Yield();
                var spent = Stopwatch.GetTimestamp() - started;
                SpunTicks += spent;
                _budget -= spent;
                continue;
            }
            Release();
        }
    }

    private void Release()
    {
        var inlineUntil = Stopwatch.GetTimestamp() + InlineBudgetTicks;
        var inline = true;
        for (var i = 0; i < _due.Count; i++)
        {
            var waiter = _due[i];
            // The first always goes inline, however long this thread was descheduled since the wake-up.
            inline = inline && (i == 0 || Stopwatch.GetTimestamp() < inlineUntil);
            if (inline)
            {
                // Toxic code runs here: it must not take this thread down with it.
                try
                {
                    waiter.TrySetResult(true);
                }
                catch (Exception ex)
                {
                    Trace.TraceError($"delay continuation failed: {ex}");
                }
            }
            else
            {
                ThreadPool.UnsafeQueueUserWorkItem(static w => w.TrySetResult(true), waiter, preferLocal: false);
            }
        }
        _due.Clear();
    }

    private bool EarlierArrived(long deadline)
    {
        lock (_gate)
            return _queue.TryPeek(out _, out var key) && key.Due < deadline;
    }

    /// <summary>
    /// Sleeps (under the lock) until the earliest deadline is near; then either fills <see cref="_due"/> with every
    /// waiter that is due (returns null) or returns the deadline to yield towards.
    /// </summary>
    private long? NextStep()
    {
        lock (_gate)
        {
            while (true)
            {
                DropCancelled();
                if (!_queue.TryPeek(out _, out var key))
                {
                    _sleepingUntil = long.MaxValue;
                    Monitor.Wait(_gate);
                    continue;
                }
                var now = Stopwatch.GetTimestamp();
                if (key.Due <= now)
                {
                    while (_queue.TryPeek(out var waiter, out key) && key.Due <= now)
                    {
                        _queue.Dequeue();
                        if (waiter.Task.IsCompleted)
                            _cancelled--;
                        else
                            _due.Add(waiter);
                    }
                    _sleepingUntil = long.MaxValue;
                    return null;
                }
                RefillBudget(now);
                var remaining = key.Due - now;
                _sleepingUntil = key.Due;
                if (remaining <= SpinWindowTicks && _budget > 0)
                    return key.Due;
                // Monitor.Wait takes whole milliseconds; stop a spin window short, or sleep 1 ms when out of budget.
                var sleepMs = Math.Max(1, (remaining - SpinWindowTicks) / TicksPerMillisecond);
                Monitor.Wait(_gate, (int)Math.Min(sleepMs, int.MaxValue - 1));
            }
        }
    }

    private void RefillBudget(long now)
    {
        _budget = Math.Min(BudgetCapTicks, _budget + (long)((now - _budgetUpdated) * SpinShare));
        _budgetUpdated = now;
    }

    // Cancelled waiters stay queued until they surface; rebuild once they are most of the queue, so a burst of
    // interrupts (a toxic change re-chains every link) does not keep thousands of dead entries for their whole delay.
    private void DropCancelled()
    {
        if (_cancelled < 64 || _cancelled * 2 < _queue.Count)
            return;
        var live = _queue.UnorderedItems.Where(item => !item.Element.Task.IsCompleted).ToList();
        _queue.Clear();
        foreach (var (waiter, key) in live)
            _queue.Enqueue(waiter, key);
        _cancelled = 0;
    }

    // Completing runs the continuation on the completing thread: the scheduler's own on release, a pool thread on cancel.
    private sealed class Waiter(DelayScheduler owner) : TaskCompletionSource<bool>(TaskCreationOptions.None)
    {
        public void Cancel() => ThreadPool.UnsafeQueueUserWorkItem(static w => w.CancelNow(), this, preferLocal: false);

        private void CancelNow()
        {
            if (TrySetResult(false))
                owner.OnCancelled();
        }
    }
}
