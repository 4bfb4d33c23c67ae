namespace Harness.Impairment.Toxics;

/// <summary>Wire: <c>delay</c> in milliseconds added to the first chunk in the toxic's direction.</summary>
internal sealed record SlowOpenAttributes(TimeSpan Delay)
{
    public static readonly ToxicSchema Schema = new("slow_open", "SlowOpenToxic", ["delay"]);

    public static SlowOpenAttributes From(WireAttributes wire) => new(WireTime.Milliseconds(wire["delay"]));

    public static string? Validate(WireAttributes wire) => AttributeRules.AtLeast(wire, "slow_open", "delay", 0, "milliseconds");
}
