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
    /// <summary>The toxics this profile becomes on one proxy, named <c>profile_*</c> so phases can stack their own.</summary>
    public IReadOnlyList<ToxicSpec> ToToxics(string proxy)
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
                toxics.Add(Toxic(proxy, "loss", direction, ToxicCatalog.LossAttributes(loss)));
            }
        }
        return toxics;
    }

    private static ToxicSpec Toxic(string proxy, string type, ToxicDirection direction, Dictionary<string, long> attributes) =>
        new(proxy, $"profile_{type}_{direction.ToString().ToLowerInvariant()}", type, direction, 1, attributes);
}
