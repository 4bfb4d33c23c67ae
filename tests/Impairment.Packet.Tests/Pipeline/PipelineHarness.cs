using Harness.Impairment.Packet.Pipeline;
using Harness.TestSupport;

namespace Impairment.Packet.Tests.Pipeline;

/// <summary>A pipeline on a manual clock, fed packets at a fixed spacing.</summary>
internal sealed class PipelineHarness
{
    public PipelineHarness(PacketImpairmentSettings settings, int seed = 1)
    {
        Pipeline = new PacketPipeline(new Random(seed), Clock) { Settings = settings };
    }

    public ManualTimeProvider Clock { get; } = new();

    public PacketPipeline Pipeline { get; }

    public static byte[] Packet(int length = 100, byte fill = 0x5a) => Enumerable.Repeat(fill, length).ToArray();

    /// <summary>Offers <paramref name="count"/> packets, the clock moving <paramref name="spacing"/> after each.</summary>
    public List<PacketVerdict> Offer(int count, TimeSpan spacing, int length = 100)
    {
        var verdicts = new List<PacketVerdict>(count);
        var packet = Packet(length);
        for (var i = 0; i < count; i++)
        {
            verdicts.Add(Pipeline.Offer(packet));
            if (spacing > TimeSpan.Zero)
                Clock.Advance(spacing);
        }
        return verdicts;
    }

    public List<byte[]> TakeAllDue()
    {
        var taken = new List<byte[]>();
        while (Pipeline.TryTakeDue(out var packet))
            taken.Add(packet);
        return taken;
    }
}
