using System.Diagnostics;
using Harness.Impairment.Timing;

namespace Impairment.Tests.Timing;

/// <summary>
/// The precise delay scheduler on the real monotonic clock. Only properties that hold on any box are asserted
/// (never early, all released, cancellation); how late it is under load is a benchmark figure (docs/benchmarks.md).
/// </summary>
public sealed class DelaySchedulerTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    [Test]
    public async Task WaitUntilAsync_ManyDeadlines_NoneReleasedBeforeItsDeadline([Values] bool precise)
    {
        var scheduler = new DelayScheduler(precise);
        var random = new Random(5);
        var dues = Enumerable
            .Range(0, 300)
            .Select(_ => Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromMicroseconds(random.Next(0, 40_000))))
            .ToArray();

        var released = await Task.WhenAll(
                dues.Select(async due =>
                {
                    var ok = await scheduler.WaitUntilAsync(due, CancellationToken.None);
                    return (ok, early: due - Stopwatch.GetTimestamp());
                })
            )
            .WaitAsync(Bounded);

        Assert.That(released.Select(r => r.ok), Is.All.True);
        Assert.That(released.Select(r => r.early).Max(), Is.LessThanOrEqualTo(0), "released before its deadline");
    }

    [Test]
    public async Task WaitUntilAsync_SameDeadline_AllReleasedInOneBatch()
    {
        var due = Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromMilliseconds(20));

        var released = await Task.WhenAll(
                Enumerable.Range(0, 2000).Select(_ => DelayScheduler.Shared.WaitUntilAsync(due, CancellationToken.None).AsTask())
            )
            .WaitAsync(Bounded);

        Assert.That(released, Is.All.True);
        Assert.That(Stopwatch.GetTimestamp(), Is.GreaterThanOrEqualTo(due));
    }

    [Test]
    public async Task WaitUntilAsync_Cancelled_ReturnsFalseAtOnceAndLeavesNothingWaiting()
    {
        var scheduler = new DelayScheduler();
        using var cancel = new CancellationTokenSource();
        var far = Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromHours(1));
        var waits = Enumerable.Range(0, 100).Select(_ => scheduler.WaitUntilAsync(far, cancel.Token).AsTask()).ToArray();
        Assert.That(scheduler.Pending, Is.EqualTo(100));

        await cancel.CancelAsync();

        Assert.That(await Task.WhenAll(waits).WaitAsync(Bounded), Is.All.False);
        Assert.That(scheduler.Pending, Is.Zero);
    }

    [Test]
    public async Task WaitUntilAsync_EarlierDeadlineArrivesWhileSleeping_ReleasedFirst()
    {
        var scheduler = new DelayScheduler();
        var late = scheduler
            .WaitUntilAsync(Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromMinutes(10)), CancellationToken.None)
            .AsTask();

        var early = await scheduler
            .WaitUntilAsync(Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromMilliseconds(5)), CancellationToken.None)
            .AsTask()
            .WaitAsync(Bounded);

        Assert.That(early, Is.True, "a thread sleeping towards a far deadline wakes for a nearer one");
        Assert.That(late.IsCompleted, Is.False);
    }

    [Test]
    public async Task WaitUntilAsync_PastDeadlineOrCancelledToken_AnswersWithoutQueueing()
    {
        var scheduler = new DelayScheduler();

        Assert.That(await scheduler.WaitUntilAsync(Stopwatch.GetTimestamp() - 1, CancellationToken.None), Is.True);
        Assert.That(
            await scheduler.WaitUntilAsync(
                Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromHours(1)),
                new CancellationToken(true)
            ),
            Is.False
        );
        Assert.That(scheduler.Pending, Is.Zero);
    }

    [Test]
    public async Task WaitUntilAsync_Released_ContinuesOnTheSchedulerThreadWithoutAPoolHop()
    {
        var scheduler = new DelayScheduler();

        var due = Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromMilliseconds(5));

        var thread = await ContinuationThreadAsync(scheduler, due);

        Assert.That(thread, Is.EqualTo(DelayScheduler.ThreadName));
    }

    [Test]
    public async Task WaitUntilAsync_ManyDueAtOnce_FirstInlineTheRestHandedToThePool()
    {
        var scheduler = new DelayScheduler();
        var due = Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromMilliseconds(20));

        var threads = await Task.WhenAll(Enumerable.Range(0, 10_000).Select(_ => ContinuationThreadAsync(scheduler, due)))
            .WaitAsync(Bounded);

        var inline = threads.Count(t => t == DelayScheduler.ThreadName);
        Assert.That(inline, Is.InRange(1, threads.Length - 1), "inline until the budget is spent, then the pool");
    }

    private static async Task<string?> ContinuationThreadAsync(DelayScheduler scheduler, long due)
    {
        await scheduler.WaitUntilAsync(due, CancellationToken.None).ConfigureAwait(false);
        return Thread.CurrentThread.Name;
    }
}
