using Harness.Impairment.Packet.Pipeline;
using Harness.Toxiproxy.Client;

namespace Harness.Packet;

/// <summary>
/// Turns the toxics in force on the link (a profile's and the current phase's, in Toxiproxy's wire units) into
/// one direction's packet impairments. Latency and jitter add up (as chained stream toxics do); the lowest
/// bandwidth wins and 0 stops the link; Bernoulli losses combine as independent drops; a disabled link drops
/// everything (a partition).
/// </summary>
internal static class PacketSettingsMapper
{
    private const long DefaultBadToGood = 25;
    private const long DefaultLossBad = 100;

    public static PacketImpairmentSettings For(ToxicStream stream, IEnumerable<ToxicInfo> toxics, bool enabled)
    {
        var s = new PacketImpairmentSettings { Down = !enabled };
        foreach (var toxic in toxics.Where(t => t.Stream == stream))
        {
            var a = toxic.Attributes;
            s = toxic.Type switch
            {
                "latency" => s with { Delay = s.Delay + Ms(a, "latency"), Jitter = s.Jitter + Ms(a, "jitter") },
                "bandwidth" => Bandwidth(s, a.GetValueOrDefault("rate")),
                "loss" => Loss(s, a),
                "packet" => Packet(s, a),
                "noop" => s,
                _ => throw new ArgumentException($"toxic type '{toxic.Type}' acts on streams, not packets"),
            };
        }
        return s;
    }

    private static TimeSpan Ms(IReadOnlyDictionary<string, long> a, string key) => TimeSpan.FromMilliseconds(a.GetValueOrDefault(key));

    private static PacketImpairmentSettings Bandwidth(PacketImpairmentSettings s, long kilobytesPerSecond)
    {
        if (kilobytesPerSecond <= 0)
            return s with { Down = true };
        var rate = kilobytesPerSecond * 1000;
        return s with { RateBytesPerSecond = s.RateBytesPerSecond is { } existing ? Math.Min(existing, rate) : rate };
    }

    private static PacketImpairmentSettings Loss(PacketImpairmentSettings s, IReadOnlyDictionary<string, long> a)
    {
        var ppm = a.GetValueOrDefault("probability_ppm");
        var good = ppm > 0 ? ppm / 10_000.0 : a.GetValueOrDefault("probability");
        var toBad = a.GetValueOrDefault("p_good_to_bad");
        if (toBad > 0)
        {
            if (s.Bursts is not null)
                throw new ArgumentException("two bursty loss toxics on one direction; packet mode takes one");
            return s with
            {
                Bursts = new GilbertElliott(
                    toBad,
                    a.GetValueOrDefault("p_bad_to_good", DefaultBadToGood),
                    a.GetValueOrDefault("loss_bad", DefaultLossBad),
                    good
                ),
            };
        }
        // A single loss toxic keeps its figure exactly (3 stays 3, not 3.0000000000000027).
        return s with { LossPercent = s.LossPercent == 0 ? good : 100 * (1 - (1 - s.LossPercent / 100) * (1 - good / 100)) };
    }

    private static PacketImpairmentSettings Packet(PacketImpairmentSettings s, IReadOnlyDictionary<string, long> a) =>
        s with
        {
            DuplicatePercent = a.GetValueOrDefault("duplicate", (long)s.DuplicatePercent),
            CorruptPercent = a.GetValueOrDefault("corrupt", (long)s.CorruptPercent),
            Reorder = a.TryGetValue("reorder", out var reorder) ? reorder == 1 : s.Reorder,
            QueueLimit = (int)a.GetValueOrDefault("queue_limit", s.QueueLimit),
            Mtu = a.TryGetValue("mtu", out var mtu) ? (int)mtu : s.Mtu,
        };
}
