using Harness.Impairment.Toxics;

namespace Harness.Impairment.Udp;

/// <summary>
/// The toxic types of UDP proxies (docs/udp.md). <c>latency</c>, <c>bandwidth</c> and <c>noop</c> keep Toxiproxy's
/// names and attributes with per-datagram meaning; <c>loss</c>, <c>duplicate</c> and <c>reorder</c> are new. TCP-only
/// types (timeout, slicer, ...) are "invalid toxic type" on a UDP proxy.
/// </summary>
internal static class UdpToxicKinds
{
    private static readonly Dictionary<string, UdpToxicKind> Kinds = new UdpToxicKind[]
    {
        new(new ToxicSchema("noop", "NoopToxic", []), _ => DatagramNoopToxic.Instance),
        new(new ToxicSchema("latency", "LatencyToxic", ["latency", "jitter"]), w => new DatagramLatencyToxic(w["latency"], w["jitter"])),
        new(
            new ToxicSchema("bandwidth", "BandwidthToxic", ["rate"]),
            w => new DatagramBandwidthToxic(w["rate"]),
            w =>
                w["rate"] < 0
                    ? "bandwidth rate must not be negative (0 drops every datagram)"
                    : AttributeRules.InRange(w, "bandwidth", "rate", 0, BandwidthAttributes.MaxRate, "KB/s; 0 drops every datagram")
        ),
        new(
            new ToxicSchema("loss", "LossToxic", ["percent", "burst_enter", "burst_exit", "burst_percent", "probability_ppm"])
            {
                EchoedWhenSet = ["probability_ppm"],
            },
            w => new DatagramLossToxic(w["percent"], w["burst_enter"], w["burst_exit"], w["burst_percent"], w["probability_ppm"]),
            w => Percentages(w, "percent", "burst_enter", "burst_exit", "burst_percent") ?? PartsPerMillion(w, "probability_ppm")
        ),
        new(
            new ToxicSchema("duplicate", "DuplicateToxic", ["percent"]),
            w => new DatagramDuplicateToxic(w["percent"]),
            w => Percentages(w, "percent")
        ),
        new(
            new ToxicSchema("reorder", "ReorderToxic", ["percent", "delay"]),
            w => new DatagramReorderToxic(w["percent"], w["delay"]),
            w => Percentages(w, "percent") ?? (w["delay"] < 0 ? "reorder delay must not be negative" : null)
        ),
    }.ToDictionary(k => k.Type, StringComparer.Ordinal);

    public static bool TryGet(string type, out UdpToxicKind kind) => Kinds.TryGetValue(type, out kind!);

    private static string? PartsPerMillion(WireAttributes w, string name) =>
        w[name] is < 0 or > DatagramLossToxic.PartsPerMillion
            ? $"{name} must be between 0 and 1000000 (parts per million; 0 = use percent)"
            : null;

    private static string? Percentages(WireAttributes w, params string[] names)
    {
        foreach (var name in names)
        {
            if (w[name] is < 0 or > 100)
                return $"{name} must be between 0 and 100";
        }
        return null;
    }
}
