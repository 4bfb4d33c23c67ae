namespace Harness.Impairment.Toxics;

/// <summary>Wire: <c>rate</c> in KB/s with KB = 1000 bytes; 0 stalls the link until the toxic goes away.</summary>
internal sealed record BandwidthAttributes(long BytesPerMillisecond)
{
    public static readonly ToxicSchema Schema = new("bandwidth", "BandwidthToxic", ["rate"]);

    public static BandwidthAttributes From(WireAttributes wire) => new(wire["rate"]);

    /// <summary>1 PB/s: far above any link, and rate × 100 (bytes per 100 ms piece) stays far inside a long.</summary>
    public const long MaxRate = 1_000_000_000_000;

    // The real server panics and exits on a negative rate (spec section 8) and overflows on a huge one; we refuse both.
    public static string? Validate(WireAttributes wire) =>
        wire["rate"] < 0
            ? "bandwidth rate must not be negative (0 stalls the link)"
            : AttributeRules.InRange(wire, "bandwidth", "rate", 0, MaxRate, "KB/s; 0 stalls the link");
}
