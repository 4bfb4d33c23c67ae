using Harness.Impairment.Packet.Pipeline;

namespace Impairment.Packet.Tests.Pipeline;

/// <summary>The forwarder's fast path: packets due at once leave from the caller's buffer, with the same decisions.</summary>
public sealed class PacketPipelinePassTests
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(1);

    [Test]
    public void OfferOrPass_MakesTheSameDecisionsAsOffer_ForTheSameSeed()
    {
        var settings = new PacketImpairmentSettings
        {
            LossPercent = 3,
            DuplicatePercent = 2,
            CorruptPercent = 1,
            Mtu = 1000,
        };
        var offered = new PipelineHarness(settings, seed: 42);
        var passed = new PipelineHarness(settings, seed: 42);

        var viaOffer = new List<PacketVerdict>();
        var viaPass = new List<PacketVerdict>();
        for (var i = 0; i < 5000; i++)
        {
            var length = i % 10 == 0 ? 1200 : 100;
            viaOffer.Add(offered.Pipeline.Offer(PipelineHarness.Packet(length)));
            passed.Pipeline.OfferOrPass(PipelineHarness.Packet(length), out var verdict);
            viaPass.Add(verdict);
            offered.Clock.Advance(Spacing);
            passed.Clock.Advance(Spacing);
        }
        offered.TakeAllDue();

        Assert.That(viaPass, Is.EqualTo(viaOffer));
        Assert.That(
            viaPass.Select(v => v.Fate).Distinct(),
            Is.EquivalentTo(new[] { PacketFate.Forwarded, PacketFate.Lost, PacketFate.TooBig })
        );
        Assert.That(
            passed.Pipeline.Counters,
            Is.EqualTo(offered.Pipeline.Counters with { MaxQueueDepth = 0 }),
            "the same counts; Offer held every packet until taken, the pass path none"
        );
    }

    [Test]
    public void Unimpaired_EveryPacketIsWrittenAtOnce_NothingHeld()
    {
        var harness = new PipelineHarness(PacketImpairmentSettings.None);

        var results = Enumerable.Range(0, 100).Select(i => harness.Pipeline.OfferOrPass(PipelineHarness.Packet(), out _)).ToList();

        Assert.That(results, Is.All.EqualTo(PassResult.WriteNow));
        Assert.That(
            harness.Pipeline.Counters,
            Has.Property(nameof(PacketCounters.Forwarded))
                .EqualTo(100)
                .And.Property(nameof(PacketCounters.BytesForwarded))
                .EqualTo(100 * 100)
                .And.Property(nameof(PacketCounters.QueueDepth))
                .EqualTo(0)
                .And.Property(nameof(PacketCounters.Delayed))
                .EqualTo(0)
        );
        Assert.That(harness.TakeAllDue(), Is.Empty);
    }

    [Test]
    public void DelayRemoved_WhilePacketsAreHeld_LaterPacketsWaitBehindThem()
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { Delay = TimeSpan.FromMilliseconds(50) });
        var first = harness.Pipeline.OfferOrPass(BitConverter.GetBytes(1), out _);
        harness.Pipeline.Settings = PacketImpairmentSettings.None;
        harness.Clock.Advance(TimeSpan.FromMilliseconds(10));

        var second = harness.Pipeline.OfferOrPass(BitConverter.GetBytes(2), out var verdict);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(40));
        var released = harness.TakeAllDue().Select(p => BitConverter.ToInt32(p)).ToList();

        Assert.That((first, second), Is.EqualTo((PassResult.HeldFirst, PassResult.Held)));
        Assert.That(verdict.HeldFor, Is.EqualTo(TimeSpan.FromMilliseconds(40)));
        Assert.That(released, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void HeldFirst_OnlyWhenThePacketBecomesTheFirstToLeave()
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { Delay = TimeSpan.FromMilliseconds(50), Reorder = true });

        var first = harness.Pipeline.OfferOrPass(PipelineHarness.Packet(), out _);
        var behind = harness.Pipeline.OfferOrPass(PipelineHarness.Packet(), out _);
        harness.Pipeline.Settings = new PacketImpairmentSettings { Delay = TimeSpan.FromMilliseconds(10), Reorder = true };
        var overtaking = harness.Pipeline.OfferOrPass(PipelineHarness.Packet(), out _);

        Assert.That(new[] { first, behind, overtaking }, Is.EqualTo(new[] { PassResult.HeldFirst, PassResult.Held, PassResult.HeldFirst }));
    }

    [Test]
    public void CorruptOnThePassPath_FlipsExactlyOneBitPastTheIpHeader_InTheCallersBuffer()
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { CorruptPercent = 100 }, seed: 2);
        var original = PipelineHarness.Packet(200);

        for (var i = 0; i < 200; i++)
        {
            var packet = (byte[])original.Clone();
            var result = harness.Pipeline.OfferOrPass(packet, out _);
            var flipped = packet.Zip(original).Sum(p => System.Numerics.BitOperations.PopCount((uint)(p.First ^ p.Second)));
            var firstDiff = Enumerable.Range(0, packet.Length).First(j => packet[j] != original[j]);
            Assert.That((result, flipped, firstDiff >= 20), Is.EqualTo((PassResult.WriteNow, 1, true)));
        }
        Assert.That(harness.Pipeline.Counters.Corrupted, Is.EqualTo(200));
    }

    [Test]
    public void DuplicateOnThePassPath_CountsBothCopiesAsForwarded()
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { DuplicatePercent = 100 });

        var result = harness.Pipeline.OfferOrPass(PipelineHarness.Packet(), out var verdict);

        Assert.That((result, verdict.Duplicated), Is.EqualTo((PassResult.WriteNow, true)));
        Assert.That(
            harness.Pipeline.Counters,
            Has.Property(nameof(PacketCounters.Forwarded)).EqualTo(2).And.Property(nameof(PacketCounters.Duplicated)).EqualTo(1)
        );
    }
}
