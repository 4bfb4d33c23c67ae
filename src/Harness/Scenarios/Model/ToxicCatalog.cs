namespace Harness.Scenarios.Model;

/// <summary>How a toxic attribute is written in a scenario and what Toxiproxy integer it becomes.</summary>
public enum AttributeUnit
{
    /// <summary>A duration (<c>200ms</c>, <c>1.5s</c>) sent as milliseconds.</summary>
    Milliseconds,

    /// <summary>A duration (<c>500us</c>, <c>2ms</c>) sent as microseconds (slicer's delay).</summary>
    Microseconds,

    /// <summary>A rate (<c>500KB/s</c>, <c>2MB/s</c>, <c>8Mbit/s</c>; a plain number is KB/s) sent as KB/s (1 KB = 1000 bytes).</summary>
    KilobytesPerSecond,

    /// <summary>A size (<c>1460</c>, <c>64KB</c>, <c>1MB</c>) sent as bytes.</summary>
    Bytes,

    /// <summary>A share (<c>5%</c> or a number 0..100) sent as an integer percent.</summary>
    Percent,

    /// <summary>A plain whole number.</summary>
    Number,
}

/// <summary>One attribute of a toxic type: its wire name, unit, and whether a scenario must give it.</summary>
public sealed record ToxicAttributeInfo(string Name, AttributeUnit Unit, bool Required, long Min = 0, long Max = long.MaxValue);

/// <summary>A toxic type the harness can ask any Toxiproxy-compatible server for.</summary>
public sealed record ToxicTypeInfo(string Type, string Summary, bool OursOnly, IReadOnlyList<ToxicAttributeInfo> Attributes)
{
    /// <summary>Only <c>network.mode: packet</c> takes it (no Toxiproxy server knows it).</summary>
    public bool PacketModeOnly { get; init; }
}

/// <summary>
/// The toxic types a scenario may use, with their attributes. Toxiproxy's own types work against a real
/// Toxiproxy too; those marked <see cref="ToxicTypeInfo.OursOnly"/> need the harness's embedded server.
/// </summary>
public static class ToxicCatalog
{
    private static ToxicAttributeInfo Ms(string name, bool required = false) => new(name, AttributeUnit.Milliseconds, required);

    private static ToxicAttributeInfo Pct(string name) => new(name, AttributeUnit.Percent, false, Max: 100);

    private static ToxicAttributeInfo Flag(string name) => new(name, AttributeUnit.Number, false, Max: 1);

    public static IReadOnlyDictionary<string, ToxicTypeInfo> All { get; } =
        new[]
        {
            new ToxicTypeInfo(
                "latency",
                "delay every chunk by latency ± jitter",
                false,
                [Ms("latency", required: true), Ms("jitter"), new("distribution", AttributeUnit.Number, false, Max: 2)]
            ),
            new ToxicTypeInfo(
                "bandwidth",
                "limit the rate (per connection and direction); 0 stalls the link",
                false,
                [new("rate", AttributeUnit.KilobytesPerSecond, true)]
            ),
            new ToxicTypeInfo("slow_close", "hold back the close of the connection", false, [Ms("delay", required: true)]),
            new ToxicTypeInfo(
                "timeout",
                "drop data; close after this long without data (0: never, until removed)",
                false,
                [Ms("timeout", required: true)]
            ),
            new ToxicTypeInfo("reset_peer", "reset the connection (RST) after this long once data flows", false, [Ms("timeout")]),
            new ToxicTypeInfo(
                "slicer",
                "cut data into small pieces with a delay between them",
                false,
                [
                    new("average_size", AttributeUnit.Bytes, true, Min: 1),
                    new("size_variation", AttributeUnit.Bytes, false),
                    new("delay", AttributeUnit.Microseconds, false),
                ]
            ),
            new ToxicTypeInfo("limit_data", "close the connection after this many bytes", false, [new("bytes", AttributeUnit.Bytes, true)]),
            new ToxicTypeInfo(
                "loss",
                "TCP packet loss as the stream sees it: a lost segment stalls it until its retransmission (with rtt: as Linux TCP recovers)",
                true,
                [
                    new("probability", AttributeUnit.Percent, false),
                    new("probability_ppm", AttributeUnit.Number, false, Max: 1_000_000),
                    new("segment_size", AttributeUnit.Bytes, false, Min: 1),
                    Ms("rto"),
                    Ms("rtt"),
                    Pct("p_good_to_bad"),
                    Pct("p_bad_to_good"),
                    Pct("loss_bad"),
                ]
            ),
            new ToxicTypeInfo("noop", "pass data unchanged", false, []),
            new ToxicTypeInfo(
                "refuse",
                "close every new connection at accept, before the upstream is dialled (rst 1: RST, 0: FIN)",
                true,
                [Flag("rst")]
            ),
            new ToxicTypeInfo("hang", "accept new connections but never dial the upstream; nothing comes back", true, []),
            new ToxicTypeInfo(
                "slow_open",
                "hold the first chunk of each connection and direction for delay",
                true,
                [Ms("delay", required: true)]
            ),
            new ToxicTypeInfo(
                "cut_after",
                "close the whole connection after this long, whatever the traffic (rst 1: RST, 0: FIN)",
                true,
                [Ms("after", required: true), Flag("rst")]
            ),
            new ToxicTypeInfo(
                "packet",
                "packet mode only: duplicate and corrupt packets (percent), let jitter reorder them, "
                    + "limit the rate queue (packets), drop packets longer than mtu (bytes)",
                true,
                [
                    Pct("duplicate"),
                    Pct("corrupt"),
                    Flag("reorder"),
                    new("queue_limit", AttributeUnit.Number, false, Min: 1, Max: 1_000_000),
                    new("mtu", AttributeUnit.Bytes, false, Min: 576, Max: 65535),
                ]
            )
            {
                PacketModeOnly = true,
            },
        }.ToDictionary(t => t.Type, StringComparer.Ordinal);

    /// <summary>The loss toxic's attributes for a loss percentage; parts per million keep fractions such as 0.2%.</summary>
    public static Dictionary<string, long> LossAttributes(double percent) =>
        new(StringComparer.Ordinal) { ["probability_ppm"] = (long)Math.Round(percent * 10_000, MidpointRounding.AwayFromZero) };
}
