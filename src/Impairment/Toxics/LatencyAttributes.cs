namespace Harness.Impairment.Toxics;

/// <summary>
/// Wire: <c>latency</c> and <c>jitter</c> in milliseconds, plus our <c>distribution</c> code for the jitter
/// (<see cref="JitterDistribution"/>; 0 = Toxiproxy's uniform). Toxiproxy attributes are integers, so the
/// distribution is an integer code too, and it is echoed only when non-zero: Toxiproxy clients see exactly the
/// two attributes they know. Durations go through <see cref="WireTime"/>: negative = 0, huge = capped at
/// <see cref="WireTime.Longest"/>, so an absurd value waits "forever" instead of throwing inside a timer.
/// </summary>
internal sealed record LatencyAttributes(TimeSpan Latency, TimeSpan Jitter, JitterDistribution Distribution = JitterDistribution.Uniform)
{
    public static readonly ToxicSchema Schema = new("latency", "LatencyToxic", ["latency", "jitter", "distribution"])
    {
        EchoedWhenSet = ["distribution"],
    };

    public static LatencyAttributes From(WireAttributes wire) =>
        new(WireTime.Milliseconds(wire["latency"]), WireTime.Milliseconds(wire["jitter"]), (JitterDistribution)wire["distribution"]);

    public static string? Validate(WireAttributes wire) =>
        AttributeRules.InRange(wire, "latency", "distribution", 0, 2, "0 = uniform (Toxiproxy's), 1 = normal, 2 = paretonormal");
}
