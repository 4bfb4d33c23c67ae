namespace Harness.Scenarios.Model;

/// <summary>
/// A named network condition in true round-trip terms (not DevTools' per-request latency). Null fields are
/// not impaired. <see cref="Rtt"/> and <see cref="Jitter"/> are split evenly between the two directions;
/// bandwidth is per direction; loss applies to each direction.
/// </summary>
public sealed record NetworkProfile(
    string Name,
    string? Description,
    string? Source,
    TimeSpan? Rtt,
    TimeSpan? Jitter,
    long? DownKilobytesPerSecond,
    long? UpKilobytesPerSecond,
    double? LossPercent
)
{
    private const long MaxLossRttMs = 60_000;

    /// <summary>
    /// The toxics this profile becomes on one proxy, named <c>profile_*</c> so phases can stack their own. The loss toxics
    /// carry the profile's round trip as <c>rtt</c>, except on a packet link (<paramref name="packetMode"/>).
    /// </summary>
    public IReadOnlyList<ToxicSpec> ToToxics(string proxy, bool packetMode = false)
    {
        var toxics = new List<ToxicSpec>();
        if (Rtt is { } rtt || Jitter is not null)
        {
            // Split so the two halves add up to the round trip exactly (an odd 75 ms becomes 37 + 38).
            var rttMs = (long)Math.Round((Rtt ?? TimeSpan.Zero).TotalMilliseconds, MidpointRounding.AwayFromZero);
            var jitterMs = (long)Math.Round((Jitter ?? TimeSpan.Zero).TotalMilliseconds, MidpointRounding.AwayFromZero);
            toxics.Add(Toxic(proxy, "latency", ToxicDirection.Upstream, new() { ["latency"] = rttMs / 2, ["jitter"] = jitterMs / 2 }));
            toxics.Add(
                Toxic(
                    proxy,
                    "latency",
                    ToxicDirection.Downstream,
                    new() { ["latency"] = rttMs - rttMs / 2, ["jitter"] = jitterMs - jitterMs / 2 }
                )
            );
        }
        if (DownKilobytesPerSecond is { } down)
            toxics.Add(Toxic(proxy, "bandwidth", ToxicDirection.Downstream, new() { ["rate"] = down }));
        if (UpKilobytesPerSecond is { } up)
            toxics.Add(Toxic(proxy, "bandwidth", ToxicDirection.Upstream, new() { ["rate"] = up }));
        if (LossPercent is > 0 and var loss)
        {
            foreach (var direction in new[] { ToxicDirection.Upstream, ToxicDirection.Downstream })
            {
                toxics.Add(Toxic(proxy, "loss", direction, LossAttributes(loss, packetMode)));
            }
        }
        return toxics;
    }

    /// <summary>
    /// The loss toxic's attributes. With a round trip known (and not in packet mode, where the kernel's TCP recovers by
    /// itself) it is passed as <c>rtt</c>, so the stream model recovers a loss as Linux's TCP does (RACK, tail-loss
    /// probe, srtt + 200 ms timeout) instead of stalling a flat 200 ms, doubling; capped at the attribute's 60 s.
    /// </summary>
    private Dictionary<string, long> LossAttributes(double loss, bool packetMode)
    {
        var attributes = ToxicCatalog.LossAttributes(loss);
        if (!packetMode && Rtt is { } rtt && rtt > TimeSpan.Zero)
            attributes["rtt"] = Math.Min((long)Math.Round(rtt.TotalMilliseconds, MidpointRounding.AwayFromZero), MaxLossRttMs);
        return attributes;
    }

    private static ToxicSpec Toxic(string proxy, string type, ToxicDirection direction, Dictionary<string, long> attributes) =>
        new(proxy, $"profile_{type}_{direction.ToString().ToLowerInvariant()}", type, direction, 1, attributes);
}
