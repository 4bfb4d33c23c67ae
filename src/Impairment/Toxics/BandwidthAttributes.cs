namespace Harness.Impairment.Toxics;

/// <summary>Wire: <c>rate</c> in KB/s with KB = 1000 bytes; 0 stalls the link until the toxic goes away.</summary>
internal sealed record BandwidthAttributes(long BytesPerMillisecond)
{
    public static readonly ToxicSchema Schema = new("bandwidth", "BandwidthToxic", ["rate"]);

    public static BandwidthAttributes From(WireAttributes wire) => new(wire["rate"]);

    // The real server panics and exits on a negative rate (spec section 8); we refuse it instead.
    public static string? Validate(WireAttributes wire) =>
        wire["rate"] < 0 ? "bandwidth rate must not be negative (0 stalls the link)" : null;
}
