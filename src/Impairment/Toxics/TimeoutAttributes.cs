namespace Harness.Impairment.Toxics;

/// <summary>Wire: <c>timeout</c> in milliseconds; 0 means never close on its own.</summary>
internal sealed record TimeoutAttributes(TimeSpan Timeout)
{
    public static readonly ToxicSchema Schema = new("timeout", "TimeoutToxic", ["timeout"]);

    public static TimeoutAttributes From(WireAttributes wire) => new(WireTime.Milliseconds(wire["timeout"]));
}
