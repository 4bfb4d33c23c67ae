using Harness.Probes.Abstractions;

namespace Harness.Orchestration.Monitoring;

/// <summary>
/// What a <see cref="RecentWindow"/> holds over its seconds: samples, non-zero samples, their sum and (trends) their distribution.
/// </summary>
internal sealed record WindowFigures(long Count, long NonZero, double Sum, LogLinearHistogram? Histogram);

/// <summary>
/// One metric's samples of the last few whole seconds, in a ring of per-second slots keyed by the sample's own
/// timestamp, so memory stays fixed however long the run and however many samples arrive. Samples older than the
/// ring (a late flush) are dropped: the window shows the present, the store keeps everything.
/// </summary>
internal sealed class RecentWindow(int seconds, bool keepsDistribution)
{
    private readonly Slot[] _slots = Enumerable.Range(0, seconds + 1).Select(_ => new Slot()).ToArray();

    public void Add(double value, DateTimeOffset at)
    {
        lock (_slots)
        {
            if (SlotFor(at.ToUnixTimeSeconds()) is not { } slot)
                return;
            slot.Count++;
            slot.Sum += value;
            if (value != 0)
                slot.NonZero++;
            slot.Histogram?.Record(value);
        }
    }

    public void Add(LogLinearHistogram histogram, DateTimeOffset at)
    {
        lock (_slots)
        {
            if (SlotFor(at.ToUnixTimeSeconds()) is not { } slot)
                return;
            slot.Count += histogram.Count;
            slot.Sum += histogram.Sum;
            slot.NonZero += histogram.Buckets().Where(b => b.Value != 0).Sum(b => b.Count);
            slot.Histogram?.Merge(histogram);
        }
    }

    /// <summary>The seconds (now - seconds, now], the current partial second included.</summary>
    public WindowFigures Read(DateTimeOffset now)
    {
        var last = now.ToUnixTimeSeconds();
        var first = last - seconds + 1;
        long count = 0,
            nonZero = 0;
        double sum = 0;
        var histogram = keepsDistribution ? new LogLinearHistogram() : null;
        lock (_slots)
        {
            foreach (var slot in _slots.Where(s => s.Second >= first && s.Second <= last))
            {
                count += slot.Count;
                nonZero += slot.NonZero;
                sum += slot.Sum;
                if (slot.Histogram is { } h)
                    histogram!.Merge(h);
            }
        }
        return new WindowFigures(count, nonZero, sum, histogram);
    }

    private Slot? SlotFor(long second)
    {
        var slot = _slots[(int)(((second % _slots.Length) + _slots.Length) % _slots.Length)];
        if (slot.Second == second)
            return slot;
        if (slot.Second > second)
            return null;
        slot.Reset(second, keepsDistribution);
        return slot;
    }

    private sealed class Slot
    {
        public long Second { get; private set; } = long.MinValue;

        public long Count { get; set; }

        public long NonZero { get; set; }

        public double Sum { get; set; }

        public LogLinearHistogram? Histogram { get; private set; }

        public void Reset(long second, bool keepsDistribution)
        {
            (Second, Count, NonZero, Sum) = (second, 0, 0, 0);
            Histogram = keepsDistribution ? new LogLinearHistogram() : null;
        }
    }
}
