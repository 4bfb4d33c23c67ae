using Harness.Impairment.Timing;

namespace Impairment.Tests.Timing;

/// <summary>
/// The delay scheduler's bookkeeping on a manual clock (plain numbers for "now"): never early, order kept,
/// cancelled items never handed out.
/// </summary>
public sealed class DelayQueueTests
{
    private sealed class Item(int id, long due)
    {
        public int Id { get; } = id;
        public long Due { get; } = due;
        public bool Live { get; set; } = true;
    }

    private static DelayQueue<Item> NewQueue() => new(static item => item.Live);

    [Test]
    public void TakeDue_ClockSteppedOneTickAtATime_EachItemHandedOutExactlyAtItsDeadline()
    {
        var random = new Random(7);
        var queue = NewQueue();
        var items = Enumerable.Range(0, 500).Select(i => new Item(i, random.Next(1, 2_000))).ToList();
        foreach (var item in items)
            queue.Add(item, item.Due);

        var handedAt = new Dictionary<int, long>();
        var taken = new List<Item>();
        for (long now = 0; now <= 2_000; now++)
        {
            queue.TakeDue(now, taken);
            foreach (var item in taken)
                handedAt.Add(item.Id, now);
            taken.Clear();
        }

        Assert.That(handedAt, Has.Count.EqualTo(items.Count));
        Assert.That(items.Where(i => handedAt[i.Id] < i.Due).Select(i => i.Id), Is.Empty, "handed out before its deadline");
        Assert.That(items.Where(i => handedAt[i.Id] > i.Due).Select(i => i.Id), Is.Empty, "held past its deadline");
    }

    [Test]
    public void TakeDue_ManyDue_ByDeadlineThenInTheOrderAdded()
    {
        var queue = NewQueue();
        var items = new[] { new Item(0, 30), new Item(1, 10), new Item(2, 30), new Item(3, 20), new Item(4, 10), new Item(5, 30) };
        foreach (var item in items)
            queue.Add(item, item.Due);

        var taken = new List<Item>();
        queue.TakeDue(100, taken);

        Assert.That(taken.Select(i => i.Id), Is.EqualTo(new[] { 1, 4, 3, 0, 2, 5 }));
    }

    [Test]
    public void TakeDue_EqualDeadlinesAfterARebuild_StillInTheOrderAdded()
    {
        var queue = NewQueue();
        var items = Enumerable.Range(0, 300).Select(i => new Item(i, 50)).ToList();
        foreach (var item in items)
            queue.Add(item, item.Due);
        foreach (var item in items.Where(i => i.Id % 3 != 0))
        {
            item.Live = false;
            queue.Died();
        }

        Assert.That(queue.Earliest(), Is.EqualTo(50));
        Assert.That(queue.Held, Is.EqualTo(100), "dead entries dropped once they are most of the queue");
        var taken = new List<Item>();
        queue.TakeDue(50, taken);
        Assert.That(taken.Select(i => i.Id), Is.EqualTo(items.Where(i => i.Id % 3 == 0).Select(i => i.Id)));
    }

    [Test]
    public void TakeDue_CancelledItems_NeverHandedOutAndNotCounted()
    {
        var queue = NewQueue();
        var items = Enumerable.Range(0, 10).Select(i => new Item(i, 10 * i)).ToList();
        foreach (var item in items)
            queue.Add(item, item.Due);
        foreach (var item in items.Where(i => i.Id % 2 == 1))
        {
            item.Live = false;
            queue.Died();
        }

        Assert.That(queue.Live, Is.EqualTo(5));
        var taken = new List<Item>();
        queue.TakeDue(1_000, taken);

        Assert.That(taken.Select(i => i.Id), Is.EqualTo(new[] { 0, 2, 4, 6, 8 }));
        Assert.That(queue.Earliest(), Is.Null);
        Assert.That(queue.Held, Is.Zero);
    }

    [Test]
    public void Earliest_NothingDueYet_ReportsTheNearestDeadlineAndHandsOutNothing()
    {
        var queue = NewQueue();
        queue.Add(new Item(0, 500), 500);
        queue.Add(new Item(1, 200), 200);

        var taken = new List<Item>();
        queue.TakeDue(199, taken);

        Assert.That(taken, Is.Empty);
        Assert.That(queue.Earliest(), Is.EqualTo(200));
    }
}
