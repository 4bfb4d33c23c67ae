namespace Harness.Impairment.Toxics;

/// <summary>Wire: <c>rst</c> 1 (default) resets refused connections, 0 closes them with FIN.</summary>
internal sealed record RefuseAttributes(bool Reset)
{
    public static readonly ToxicSchema Schema = new("refuse", "RefuseToxic", ["rst"])
    {
        Defaults = new Dictionary<string, long> { ["rst"] = 1 },
    };

    public static RefuseAttributes From(WireAttributes wire) => new(wire["rst"] != 0);

    public static string? Validate(WireAttributes wire) => AttributeRules.InRange(wire, "refuse", "rst", 0, 1, "1 = RST, 0 = FIN");
}
