namespace Harness.Impairment.Toxics;

/// <summary>Wire: <c>timeout</c> in milliseconds between the first chunk and the reset; negative acts like 0.</summary>
internal sealed record ResetPeerAttributes(TimeSpan Timeout)
{
    public static readonly ToxicSchema Schema = new("reset_peer", "ResetToxic", ["timeout"]);

    public static ResetPeerAttributes From(WireAttributes wire) => new(WireTime.Milliseconds(wire["timeout"]));
}
