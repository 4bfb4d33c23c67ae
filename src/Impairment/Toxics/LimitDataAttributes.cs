namespace Harness.Impairment.Toxics;

/// <summary>Wire: <c>bytes</c>, how many bytes the link forwards before it closes the connection.</summary>
internal sealed record LimitDataAttributes(long Bytes)
{
    public static readonly ToxicSchema Schema = new("limit_data", "LimitDataToxic", ["bytes"]);

    public static LimitDataAttributes From(WireAttributes wire) => new(wire["bytes"]);
}
