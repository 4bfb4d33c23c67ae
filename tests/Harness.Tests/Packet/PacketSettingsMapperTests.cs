using Harness.Impairment.Packet.Pipeline;
using Harness.Packet;
using Harness.Toxiproxy.Client;

namespace Harness.Tests.Packet;

public sealed class PacketSettingsMapperTests
{
    private static ToxicInfo Toxic(string type, ToxicStream stream, params (string Key, long Value)[] attributes) =>
        new($"{type}_{stream}_{attributes.Length}", type, stream, 1, attributes.ToDictionary(a => a.Key, a => a.Value));

    [Test]
    public void Latencies_AddUp_PerDirection()
    {
        var toxics = new[]
        {
            Toxic("latency", ToxicStream.Downstream, ("latency", 100), ("jitter", 10)),
            Toxic("latency", ToxicStream.Downstream, ("latency", 40), ("jitter", 5)),
            Toxic("latency", ToxicStream.Upstream, ("latency", 7)),
        };

        var down = PacketSettingsMapper.For(ToxicStream.Downstream, toxics, enabled: true);
        var up = PacketSettingsMapper.For(ToxicStream.Upstream, toxics, enabled: true);

        Assert.That((down.Delay, down.Jitter), Is.EqualTo((TimeSpan.FromMilliseconds(140), TimeSpan.FromMilliseconds(15))));
        Assert.That((up.Delay, up.Jitter), Is.EqualTo((TimeSpan.FromMilliseconds(7), TimeSpan.Zero)));
    }

    [Test]
    public void Bandwidth_LowestWins_ZeroStopsTheLink()
    {
        var slowest = PacketSettingsMapper.For(
            ToxicStream.Downstream,
            [Toxic("bandwidth", ToxicStream.Downstream, ("rate", 500)), Toxic("bandwidth", ToxicStream.Downstream, ("rate", 100))],
            true
        );
        var stopped = PacketSettingsMapper.For(ToxicStream.Downstream, [Toxic("bandwidth", ToxicStream.Downstream, ("rate", 0))], true);

        Assert.That(slowest.RateBytesPerSecond, Is.EqualTo(100_000));
        Assert.That(stopped.Down, Is.True);
    }

    [Test]
    public void Loss_PercentAndPpm_CombineAsIndependentDrops()
    {
        var settings = PacketSettingsMapper.For(
            ToxicStream.Upstream,
            [Toxic("loss", ToxicStream.Upstream, ("probability", 10)), Toxic("loss", ToxicStream.Upstream, ("probability_ppm", 100_000))],
            true
        );

        Assert.That(settings.LossPercent, Is.EqualTo(19).Within(1e-9));
    }

    [Test]
    public void Loss_WithGoodToBad_BecomesGilbertElliott_WithTheStreamToxicsDefaults()
    {
        var settings = PacketSettingsMapper.For(
            ToxicStream.Upstream,
            [Toxic("loss", ToxicStream.Upstream, ("probability", 1), ("p_good_to_bad", 2))],
            true
        );

        Assert.That(settings.Bursts, Is.EqualTo(new GilbertElliott(2, 25, 100, 1)));
    }

    [Test]
    public void PacketToxic_SetsDuplicateCorruptReorderQueueAndMtu()
    {
        var settings = PacketSettingsMapper.For(
            ToxicStream.Downstream,
            [Toxic("packet", ToxicStream.Downstream, ("duplicate", 2), ("corrupt", 1), ("reorder", 1), ("queue_limit", 50), ("mtu", 1280))],
            true
        );

        Assert.That(
            settings,
            Is.EqualTo(
                new PacketImpairmentSettings
                {
                    DuplicatePercent = 2,
                    CorruptPercent = 1,
                    Reorder = true,
                    QueueLimit = 50,
                    Mtu = 1280,
                }
            )
        );
    }

    [Test]
    public void Disabled_DropsEverything_OtherDirectionsToxicsIgnored()
    {
        var settings = PacketSettingsMapper.For(
            ToxicStream.Upstream,
            [Toxic("latency", ToxicStream.Downstream, ("latency", 100))],
            enabled: false
        );

        Assert.That(settings, Is.EqualTo(new PacketImpairmentSettings { Down = true }));
    }

    [Test]
    public void StreamToxic_IsRefusedWithItsName()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            PacketSettingsMapper.For(ToxicStream.Upstream, [Toxic("slicer", ToxicStream.Upstream, ("average_size", 10))], true)
        );

        Assert.That(error!.Message, Does.Contain("'slicer'"));
    }
}
