namespace Harness.Impairment.Toxics;

/// <summary>Wire: <c>after</c> in milliseconds; <c>rst</c> 0 (default) closes with FIN, 1 with RST.</summary>
internal sealed record CutAfterAttributes(TimeSpan After, bool Reset)
{
    public static readonly ToxicSchema Schema = new("cut_after", "CutAfterToxic", ["after", "rst"]);

    public static CutAfterAttributes From(WireAttributes wire) => new(WireTime.Milliseconds(wire["after"]), wire["rst"] != 0);

    public static string? Validate(WireAttributes wire) =>
        AttributeRules.First(
            AttributeRules.AtLeast(wire, "cut_after", "after", 0, "milliseconds"),
            AttributeRules.InRange(wire, "cut_after", "rst", 0, 1, "0 = FIN, 1 = RST")
        );
}
