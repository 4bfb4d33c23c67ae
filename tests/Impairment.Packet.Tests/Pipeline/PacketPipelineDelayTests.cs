using Harness.Impairment.Packet.Pipeline;

namespace Impairment.Packet.Tests.Pipeline;

public sealed class PacketPipelineDelayTests
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(1);

    [Test]
    public void DelayWithJitter_Reordering_P50WithinOneMillisecond_AndPacketsOvertake()
    {
        var settings = new PacketImpairmentSettings
        {
            Delay = Ms(80),
            Jitter = Ms(20),
            Reorder = true,
        };
        var harness = new PipelineHarness(settings, seed: 3);

        var held = harness.Offer(10_000, Spacing).Select(v => v.HeldFor.TotalMilliseconds).ToList();

        Assert.That(Percentile(held, 0.5), Is.EqualTo(80).Within(1));
        Assert.That(held.Min(), Is.InRange(60, 62));
        Assert.That(held.Max(), Is.InRange(98, 100));
        Assert.That(harness.Pipeline.Counters.Reordered, Is.GreaterThan(1000));
    }

    [Test]
    public void DelayWithJitter_NoReordering_KeepsArrivalOrder()
    {
        var settings = new PacketImpairmentSettings { Delay = Ms(80), Jitter = Ms(20) };
        var harness = new PipelineHarness(settings, seed: 3);
        var packets = Enumerable.Range(0, 2000).Select(i => BitConverter.GetBytes(i)).ToList();

        var released = new List<int>();
        foreach (var packet in packets)
        {
            harness.Pipeline.Offer(packet);
            harness.Clock.Advance(Spacing);
            released.AddRange(harness.TakeAllDue().Select(p => BitConverter.ToInt32(p)));
        }
        harness.Clock.Advance(Ms(200));
        released.AddRange(harness.TakeAllDue().Select(p => BitConverter.ToInt32(p)));

        Assert.That(released, Is.EqualTo(Enumerable.Range(0, 2000)));
        Assert.That(harness.Pipeline.Counters.Reordered, Is.Zero);
    }

    [Test]
    public void HeldPacket_NotDueBeforeItsTime_DueAfter()
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { Delay = Ms(50) });
        harness.Pipeline.Offer(PipelineHarness.Packet());

        harness.Clock.Advance(Ms(49));
        var early = harness.TakeAllDue();
        var wait = harness.Pipeline.UntilNextDue();
        harness.Clock.Advance(Ms(1));
        var due = harness.TakeAllDue();

        Assert.That((early.Count, wait, due.Count), Is.EqualTo((0, (TimeSpan?)Ms(1), 1)));
        Assert.That(
            harness.Pipeline.Counters,
            Has.Property(nameof(PacketCounters.Delayed))
                .EqualTo(1)
                .And.Property(nameof(PacketCounters.Forwarded))
                .EqualTo(1)
                .And.Property(nameof(PacketCounters.QueueDepth))
                .EqualTo(0)
        );
    }

    [Test]
    public void Rate_SerializesPackets_AndTailDropsBeyondTheQueueLimit()
    {
        // 1000 B/s and 100-byte packets: 100 ms each on the wire; 5 may wait.
        var harness = new PipelineHarness(new PacketImpairmentSettings { RateBytesPerSecond = 1000, QueueLimit = 5 });

        var verdicts = harness.Offer(8, TimeSpan.Zero);

        Assert.That(
            verdicts.Select(v => v.Fate),
            Is.EqualTo(Enumerable.Repeat(PacketFate.Forwarded, 5).Concat(Enumerable.Repeat(PacketFate.QueueFull, 3)))
        );
        Assert.That(verdicts.Take(5).Select(v => v.HeldFor.TotalMilliseconds), Is.EqualTo(new[] { 100, 200, 300, 400, 500 }));
        Assert.That(
            harness.Pipeline.Counters,
            Has.Property(nameof(PacketCounters.DroppedQueue)).EqualTo(3).And.Property(nameof(PacketCounters.MaxQueueDepth)).EqualTo(5)
        );

        harness.Clock.Advance(Ms(250));
        Assert.That(harness.TakeAllDue(), Has.Count.EqualTo(2));
        Assert.That(harness.Pipeline.Offer(PipelineHarness.Packet()).HeldFor, Is.EqualTo(Ms(350)));
    }

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Floor(p * (sorted.Count - 1))];
    }
}
