using System.Globalization;
using Harness.Scenarios.Model;

namespace Harness.Testing;

/// <summary>
/// One impairment, in Toxiproxy's vocabulary: a toxic <see cref="Type"/> with its attributes in Toxiproxy's wire units
/// (milliseconds, KB/s, bytes, percent). Build one with the factory methods (<see cref="Latency"/>,
/// <see cref="Bandwidth"/>, ...); it is checked against the harness's toxic catalogue when it is applied.
/// </summary>
/// <param name="Type">The toxic type, e.g. <c>latency</c> (docs/toxics.md lists them all).</param>
/// <param name="Attributes">Attribute name to wire value.</param>
public sealed record Toxic(string Type, IReadOnlyDictionary<string, long> Attributes)
{
    /// <summary>Which bytes it delays: <see cref="ToxicDirection.Downstream"/> (server to client, the default) or upstream.</summary>
    public ToxicDirection Direction { get; init; } = ToxicDirection.Downstream;

    /// <summary>The share of connections it applies to, 0 to 1. Defaults to 1 (every connection).</summary>
    public double Toxicity { get; init; } = 1;

    /// <summary>Its name on the proxy; null names it <c>type_direction</c> as Toxiproxy does.</summary>
    public string? Name { get; init; }

    /// <summary>The name it gets on the proxy.</summary>
    public string EffectiveName => Name ?? $"{Type}_{DirectionName}";

    internal string DirectionName => Direction == ToxicDirection.Upstream ? "upstream" : "downstream";

    /// <summary>The same toxic on the client-to-server bytes.</summary>
    public Toxic Upstream() => this with { Direction = ToxicDirection.Upstream };

    /// <summary>The same toxic on the server-to-client bytes.</summary>
    public Toxic Downstream() => this with { Direction = ToxicDirection.Downstream };

    /// <summary>Delays every chunk by <paramref name="latency"/> ± <paramref name="jitter"/>.</summary>
    public static Toxic Latency(TimeSpan latency, TimeSpan jitter = default) =>
        new("latency", Attrs(("latency", Ms(latency)), ("jitter", Ms(jitter))));

    /// <summary>Limits the rate per connection and direction, in KB/s (1 KB = 1000 bytes); 0 stalls the link.</summary>
    public static Toxic Bandwidth(long kilobytesPerSecond) => new("bandwidth", Attrs(("rate", kilobytesPerSecond)));

    /// <summary>Drops data and closes the connection after <paramref name="timeout"/> (zero: never, until removed).</summary>
    public static Toxic Timeout(TimeSpan timeout) => new("timeout", Attrs(("timeout", Ms(timeout))));

    /// <summary>Resets the connection (RST) <paramref name="after"/> data starts flowing.</summary>
    public static Toxic ResetPeer(TimeSpan after = default) => new("reset_peer", Attrs(("timeout", Ms(after))));

    /// <summary>Holds back the close of the connection by <paramref name="delay"/>.</summary>
    public static Toxic SlowClose(TimeSpan delay) => new("slow_close", Attrs(("delay", Ms(delay))));

    /// <summary>Cuts data into pieces of about <paramref name="averageSize"/> bytes with <paramref name="delay"/> between them.</summary>
    public static Toxic Slicer(long averageSize, long sizeVariation = 0, TimeSpan delay = default) =>
        new(
            "slicer",
            Attrs(("average_size", averageSize), ("size_variation", sizeVariation), ("delay", (long)Math.Round(delay.TotalMicroseconds)))
        );

    /// <summary>Closes the connection once <paramref name="bytes"/> have passed.</summary>
    public static Toxic LimitData(long bytes) => new("limit_data", Attrs(("bytes", bytes)));

    /// <summary>
    /// TCP packet loss as the stream sees it (retransmission stalls), <paramref name="percent"/> of segments (embedded server only).
    /// </summary>
    public static Toxic Loss(double percent) => new("loss", ToxicCatalog.LossAttributes(percent));

    /// <summary>Closes every new connection at accept (RST unless <paramref name="rst"/> is false); open ones are untouched.</summary>
    public static Toxic Refuse(bool rst = true) => new("refuse", Attrs(("rst", rst ? 1 : 0)));

    /// <summary>Accepts new connections but never dials the upstream: nothing comes back.</summary>
    public static Toxic Hang() => new("hang", Attrs());

    /// <summary>Holds the first chunk of each connection in its direction for <paramref name="delay"/>.</summary>
    public static Toxic SlowOpen(TimeSpan delay) => new("slow_open", Attrs(("delay", Ms(delay))));

    /// <summary>
    /// Closes each connection <paramref name="after"/> its start, whatever the traffic (FIN unless <paramref name="rst"/>).
    /// </summary>
    public static Toxic CutAfter(TimeSpan after, bool rst = false) => new("cut_after", Attrs(("after", Ms(after)), ("rst", rst ? 1 : 0)));

    /// <summary>Passes data unchanged.</summary>
    public static Toxic Noop() => new("noop", Attrs());

    /// <summary>
    /// Throws <see cref="ArgumentException"/> saying what is wrong when the catalogue does not know the type or an attribute.
    /// </summary>
    public void Validate()
    {
        if (!ToxicCatalog.All.TryGetValue(Type, out var info))
        {
            throw new ArgumentException($"unknown toxic type '{Type}'; known: {string.Join(", ", ToxicCatalog.All.Keys)}", nameof(Type));
        }
        if (Toxicity is < 0 or > 1 || double.IsNaN(Toxicity))
        {
            throw new ArgumentException(
                $"toxic {EffectiveName}: toxicity must be between 0 and 1, not {Toxicity.ToString(CultureInfo.InvariantCulture)}",
                nameof(Toxicity)
            );
        }
        foreach (var (name, value) in Attributes)
        {
            var attribute = info.Attributes.FirstOrDefault(a => a.Name == name)
                ?? throw new ArgumentException(
                    $"toxic {Type} has no attribute '{name}'; it has: {string.Join(", ", info.Attributes.Select(a => a.Name))}",
                    nameof(Attributes)
                );
            if (value < attribute.Min || value > attribute.Max)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"toxic {Type}: {name} must be between {attribute.Min} and {attribute.Max}, not {value}"
                    ),
                    nameof(Attributes)
                );
            }
        }
        var missing = info.Attributes.Where(a => a.Required && !Attributes.ContainsKey(a.Name)).Select(a => a.Name).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"toxic {Type} needs {string.Join(", ", missing)}", nameof(Attributes));
    }

    /// <summary>The scenario model's toxic on <paramref name="proxy"/> (validated).</summary>
    internal ToxicSpec ToSpec(string proxy)
    {
        Validate();
        return new ToxicSpec(proxy, EffectiveName, Type, Direction, Toxicity, Attributes);
    }

    private static long Ms(TimeSpan value) => (long)Math.Round(value.TotalMilliseconds, MidpointRounding.AwayFromZero);

    private static Dictionary<string, long> Attrs(params (string Name, long Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
