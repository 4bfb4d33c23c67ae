using Harness.Probes.WebSockets;

namespace Probes.Tests.WebSockets;

public sealed class SequenceTrackerTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        // seqs, window, expected (lost including the final flush, duplicated, reordered)
        yield return Case("in order from 1", [1, 2, 3, 4], 64, (0, 0, 0));
        yield return Case("first frame at any seq", [1000, 1001, 1002], 64, (0, 0, 0));
        yield return Case("gap never filled is lost", [1, 2, 5, 6], 64, (2, 0, 0));
        yield return Case("late frame fills gap: reordered, not lost", [1, 3, 2, 4], 64, (0, 0, 1));
        yield return Case("two late frames fill a gap", [1, 4, 3, 2], 64, (0, 0, 2));
        yield return Case("immediate duplicate", [1, 2, 2, 3], 64, (0, 1, 0));
        yield return Case("old duplicate", [1, 2, 3, 1], 64, (0, 1, 0));
        yield return Case("duplicate of a late frame", [1, 3, 2, 2], 64, (0, 1, 1));
        yield return Case("older than the first frame", [5, 4, 6], 64, (0, 0, 1));
        yield return Case("gap longer than window", [1, 100], 4, (98, 0, 0));
        yield return Case("gap expires, then its frame arrives", [1, 3, 4, 5, 6, 2], 4, (1, 0, 1));
    }

    private static TestCaseData Case(string name, long[] seqs, int window, (long Lost, int Duplicated, int Reordered) expected) =>
        new TestCaseData(seqs, window)
            .Returns(expected)
            .SetName($"SequenceTracker_{name.Replace(' ', '_').Replace(",", "").Replace(":", "")}");

    [TestCaseSource(nameof(Cases))]
    public (long Lost, int Duplicated, int Reordered) SequenceTracker_Sequence_Totals(long[] seqs, int window)
    {
        var tracker = new SequenceTracker(window);
        long lost = 0;
        int duplicated = 0,
            reordered = 0;
        foreach (var seq in seqs)
        {
            var observed = tracker.Observe(seq);
            lost += observed.Lost;
            duplicated += observed.Duplicated ? 1 : 0;
            reordered += observed.Reordered ? 1 : 0;
        }
        return (lost + tracker.Flush(), duplicated, reordered);
    }

    [Test]
    public void SequenceTracker_GapOlderThanWindow_ReportedAsLostWhenWindowPasses()
    {
        var tracker = new SequenceTracker(window: 4);
        long[] lostPerFrame = [.. new long[] { 1, 3, 4, 5, 6, 7 }.Select(s => tracker.Observe(s).Lost)];
        Assert.That(lostPerFrame, Is.EqualTo(new long[] { 0, 0, 0, 0, 1, 0 }));
        Assert.That(tracker.Flush(), Is.Zero);
    }
}
