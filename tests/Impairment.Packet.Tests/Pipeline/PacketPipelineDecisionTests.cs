using Harness.Impairment.Packet.Pipeline;

namespace Impairment.Packet.Tests.Pipeline;

public sealed class PacketPipelineDecisionTests
{
    private static readonly PacketImpairmentSettings Everything = new()
    {
        Delay = TimeSpan.FromMilliseconds(40),
        Jitter = TimeSpan.FromMilliseconds(10),
        Reorder = true,
        LossPercent = 3,
        DuplicatePercent = 2,
        CorruptPercent = 1,
    };

    [Test]
    public void SameSeed_SameDecisions()
    {
        var first = new PipelineHarness(Everything, seed: 42).Offer(5000, TimeSpan.FromMilliseconds(1));
        var second = new PipelineHarness(Everything, seed: 42).Offer(5000, TimeSpan.FromMilliseconds(1));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void DifferentSeed_DifferentDecisions()
    {
        var first = new PipelineHarness(Everything, seed: 42).Offer(5000, TimeSpan.FromMilliseconds(1));
        var second = new PipelineHarness(Everything, seed: 43).Offer(5000, TimeSpan.FromMilliseconds(1));

        Assert.That(first.Zip(second).Count(p => p.First.Fate != p.Second.Fate), Is.GreaterThan(50));
        Assert.That(first.Zip(second).Count(p => p.First.HeldFor != p.Second.HeldFor), Is.GreaterThan(4000));
    }

    [Test]
    public void Duplicate_10Percent_EmitsTwoCopies_WithinOnePoint()
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { DuplicatePercent = 10 }, seed: 9);

        var verdicts = harness.Offer(10_000, TimeSpan.Zero);
        var released = harness.TakeAllDue();

        var duplicated = verdicts.Count(v => v.Duplicated);
        Assert.That(100.0 * duplicated / verdicts.Count, Is.InRange(9, 11));
        Assert.That(released, Has.Count.EqualTo(10_000 + duplicated));
        Assert.That(harness.Pipeline.Counters.Duplicated, Is.EqualTo(duplicated));
    }

    [Test]
    public void Corrupt_FlipsExactlyOneBitPastTheIpHeader()
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { CorruptPercent = 100 }, seed: 2);
        var original = PipelineHarness.Packet(200);

        for (var i = 0; i < 200; i++)
            harness.Pipeline.Offer(original);
        var released = harness.TakeAllDue();

        foreach (var packet in released)
        {
            var flipped = Enumerable
                .Range(0, packet.Length)
                .Sum(j => System.Numerics.BitOperations.PopCount((uint)(packet[j] ^ original[j])));
            var firstDiff = Enumerable.Range(0, packet.Length).First(j => packet[j] != original[j]);
            Assert.That((flipped, firstDiff >= 20), Is.EqualTo((1, true)));
        }
        Assert.That(harness.Pipeline.Counters.Corrupted, Is.EqualTo(200));
    }

    [Test]
    public void SettingsChange_AppliesToLaterPacketsOnly()
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { Delay = TimeSpan.FromMilliseconds(100) });
        var before = harness.Pipeline.Offer(PipelineHarness.Packet());

        harness.Pipeline.Settings = PacketImpairmentSettings.None;
        var after = harness.Pipeline.Offer(PipelineHarness.Packet());

        Assert.That(
            (before.HeldFor, after.HeldFor),
            Is.EqualTo((TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100))),
            "without reordering the second packet waits behind the first"
        );
    }

    [TestCase(-1.0, "loss must be between 0 and 100")]
    [TestCase(101.0, "loss must be between 0 and 100")]
    public void Validate_LossOutOfRange_SaysWhich(double loss, string message)
    {
        Assert.That(new PacketImpairmentSettings { LossPercent = loss }.Validate(), Has.One.StartsWith(message));
    }

    [Test]
    public void Validate_ZeroRateAndTinyMtu_BothReported()
    {
        var errors = new PacketImpairmentSettings { RateBytesPerSecond = 0, Mtu = 100 }.Validate();

        Assert.That(errors, Is.EquivalentTo(new[] { "rate must be above 0", "mtu must be between 576 and 65535" }));
    }
}
