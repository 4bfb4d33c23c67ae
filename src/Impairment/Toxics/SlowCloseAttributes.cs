namespace Harness.Impairment.Toxics;

/// <summary>Wire: <c>delay</c> in milliseconds; negative acts like 0 (as in Toxiproxy).</summary>
internal sealed record SlowCloseAttributes(TimeSpan Delay)
{
    public static readonly ToxicSchema Schema = new("slow_close", "SlowCloseToxic", ["delay"]);

    public static SlowCloseAttributes From(WireAttributes wire) => new(WireTime.Milliseconds(wire["delay"]));
}
