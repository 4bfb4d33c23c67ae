using System.Diagnostics;

namespace Harness.Impairment.Timing;

/// <summary>
/// Releases waits at their deadline on the monotonic clock (<see cref="Stopwatch"/> ticks), more precisely than
/// .NET timers, which tick in whole milliseconds and fire up to a few milliseconds late (the latency toxic's p99 was
/// 106.75 ms for 100). One dedicated thread sleeps (<see cref="Monitor.Wait(object, int)"/>, whole milliseconds)
/// until shortly before the earliest deadline, then covers the last stretch precisely and releases every waiter that
/// is due in the same wake-up. It never releases early and parks without a timeout when nothing waits.
/// The last stretch, where <see cref="MonotonicSleep"/> is available (Linux), is slept on the kernel's
/// high-resolution timer in steps of at most <see cref="FineStep"/> (so a nearer deadline that arrives meanwhile is
/// noticed within a step): a sleeping thread costs no CPU and, on a busy box, is woken ahead of threads that have
/// been running, where a thread that yields in a loop competes with them for its turn (the tail under load was
/// that: 11.6 ms p99 at load 21 with yielding, docs/benchmarks.md). Elsewhere it yields in a loop for the last
/// stretch, spending at most <see cref="SpinShare"/> of one core; when that budget is used up (dense deadlines), it
/// falls back to 1 ms sleeps, as late as a timer but no later.
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

    /// <summary>The longest precise sleep in the last stretch before a deadline (where <see cref="MonotonicSleep"/> works).</summary>
    public static readonly TimeSpan FineStep = TimeSpan.FromMicroseconds(250);

    private static readonly long FineStepTicks = Ticks(FineStep);

    private readonly object _gate = new();
    private readonly DelayQueue<Waiter> _queue = new(static waiter => !waiter.Task.IsCompleted);
    private readonly List<Waiter> _due = [];
    private readonly bool _precise;
    private Thread? _thread;
    private long _sleepingUntil = long.MaxValue;
    private long _budget = BudgetCapTicks;
    private long _budgetUpdated = Stopwatch.GetTimestamp();

    /// <summary>A scheduler that sleeps the last stretch precisely where the system allows it, else yields.</summary>
    public DelayScheduler()
        : this(MonotonicSleep.Available) { }

    /// <summary><paramref name="precise"/>: sleep the last stretch on the monotonic clock (Linux only) rather than yield.</summary>
    public DelayScheduler(bool precise) => _precise = precise && MonotonicSleep.Available;

    /// <summary>The process-wide scheduler; its thread starts with the first wait and parks while nothing waits.</summary>
    public static DelayScheduler Shared { get; } = new();

    /// <summary>Whether the last stretch before a deadline is slept precisely (else yielded).</summary>
    public bool Precise => _precise;

    /// <summary>Waiters still waiting; for tests.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
                return _queue.Live;
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
            _queue.Add(waiter, due);
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
            _queue.Died();
    }

    private void Run()
    {
        if (_precise)
            MonotonicSleep.TightenTimerSlack();
        while (true)
        {
            if (NextStep() is not { } deadline)
                Release();
            else if (_precise)
                MonotonicSleep.Until(Math.Min(deadline, Stopwatch.GetTimestamp() + FineStepTicks)); // never past it
            else
                YieldUntil(deadline);
        }
    }

    private void YieldUntil(long deadline)
    {
        var started = Stopwatch.GetTimestamp();
        // Yield rather than spin hard: on a busy box the cores go to whoever is runnable.
        while (Stopwatch.GetTimestamp() < deadline && !EarlierArrived(deadline))
            Thread.Yield();
        var spent = Stopwatch.GetTimestamp() - started;
        SpunTicks += spent;
        _budget -= spent;
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
            return _queue.Earliest() < deadline;
    }

    /// <summary>
    /// Sleeps (under the lock) until the earliest deadline is near; then either fills <see cref="_due"/> with every
    /// waiter that is due (returns null) or returns the deadline to approach precisely.
    /// </summary>
    private long? NextStep()
    {
        lock (_gate)
        {
            while (true)
            {
                if (_queue.Earliest() is not { } due)
                {
                    _sleepingUntil = long.MaxValue;
                    Monitor.Wait(_gate);
                    continue;
                }
                var now = Stopwatch.GetTimestamp();
                if (due <= now)
                {
                    _queue.TakeDue(now, _due);
                    _sleepingUntil = long.MaxValue;
                    return null;
                }
                RefillBudget(now);
                var remaining = due - now;
                _sleepingUntil = due;
                if (remaining <= SpinWindowTicks && (_precise || _budget > 0))
                    return due;
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
