namespace Harness.Impairment.Toxics;

/// <summary>Wire: <c>latency</c> and <c>jitter</c> in milliseconds.</summary>
internal sealed record LatencyAttributes(TimeSpan Latency, TimeSpan Jitter)
{
    public static readonly ToxicSchema Schema = new("latency", "LatencyToxic", ["latency", "jitter"]);

    public static LatencyAttributes From(WireAttributes wire) =>
        new(TimeSpan.FromMilliseconds(wire["latency"]), TimeSpan.FromMilliseconds(wire["jitter"]));
}
