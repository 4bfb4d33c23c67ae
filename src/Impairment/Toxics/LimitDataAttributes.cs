namespace Harness.Impairment.Toxics;

/// <summary>
/// Wire: <c>bytes</c>, how many bytes the link forwards before it closes the connection; a negative value acts like
/// 0 (kept out of the toxic's arithmetic, where long.MinValue minus the count would wrap to "unlimited").
/// </summary>
internal sealed record LimitDataAttributes(long Bytes)
{
    public static readonly ToxicSchema Schema = new("limit_data", "LimitDataToxic", ["bytes"]);

    public static LimitDataAttributes From(WireAttributes wire) => new(Math.Max(0, wire["bytes"]));
}
