using Harness.Impairment.Packet.Pipeline;

namespace Impairment.Packet.Tests.Pipeline;

public sealed class PacketPipelineLossTests
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(1);

    [TestCase(1.0, 7)]
    [TestCase(5.0, 11)]
    [TestCase(20.0, 3)]
    public void Bernoulli_Over10000Packets_LossWithinOnePoint(double percent, int seed)
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { LossPercent = percent }, seed);

        var verdicts = harness.Offer(10_000, Spacing);

        var lost = 100.0 * verdicts.Count(v => v.Fate == PacketFate.Lost) / verdicts.Count;
        Assert.That(lost, Is.InRange(percent - 1, percent + 1));
        Assert.That(harness.Pipeline.Counters.LossPercent, Is.EqualTo(lost).Within(1e-9));
    }

    [Test]
    public void GilbertElliott_LosesInBursts_BernoulliOfTheSameRateDoesNot()
    {
        var bursts = new GilbertElliott(GoodToBadPercent: 1, BadToGoodPercent: 25);
        var burst = new PipelineHarness(new PacketImpairmentSettings { Bursts = bursts }, seed: 5).Offer(50_000, Spacing);
        var flat = new PipelineHarness(new PacketImpairmentSettings { LossPercent = bursts.ExpectedLossPercent }, seed: 5).Offer(
            50_000,
            Spacing
        );

        var burstLoss = 100.0 * burst.Count(v => v.Fate == PacketFate.Lost) / burst.Count;
        Assert.That(burstLoss, Is.InRange(bursts.ExpectedLossPercent - 1, bursts.ExpectedLossPercent + 1));
        // Mean run of consecutive losses: 1/p_bad_to_good = 4 for the bursts, about 1/(1-p) = 1.04 for Bernoulli.
        Assert.That(MeanLossRun(burst), Is.InRange(3.0, 5.0));
        Assert.That(MeanLossRun(flat), Is.InRange(1.0, 1.2));
    }

    [Test]
    public void Down_DropsEveryPacket()
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { Down = true });

        var verdicts = harness.Offer(100, Spacing);

        Assert.That(verdicts.Select(v => v.Fate), Is.All.EqualTo(PacketFate.Lost));
        Assert.That(harness.Pipeline.Counters.Dropped, Is.EqualTo(100));
    }

    [Test]
    public void Mtu_PacketsLongerThanIt_DroppedAndCountedApart()
    {
        var harness = new PipelineHarness(new PacketImpairmentSettings { Mtu = 1280 });

        var small = harness.Pipeline.Offer(PipelineHarness.Packet(1280));
        var big = harness.Pipeline.Offer(PipelineHarness.Packet(1281));

        Assert.That((small.Fate, big.Fate), Is.EqualTo((PacketFate.Forwarded, PacketFate.TooBig)));
        Assert.That(
            harness.Pipeline.Counters,
            Has.Property(nameof(PacketCounters.DroppedMtu)).EqualTo(1).And.Property(nameof(PacketCounters.Dropped)).EqualTo(0)
        );
    }

    private static double MeanLossRun(IReadOnlyList<PacketVerdict> verdicts)
    {
        var runs = new List<int>();
        var current = 0;
        foreach (var v in verdicts)
        {
            if (v.Fate == PacketFate.Lost)
                current++;
            else if (current > 0)
            {
                runs.Add(current);
                current = 0;
            }
        }
        return runs.Average();
    }
}
