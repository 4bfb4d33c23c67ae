using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// Spreads first connects over a ramp: the ramp is cut into one equal slot per client, and client i starts at a
/// seeded uniform point of slot i. Starts are thus spread evenly (no two slots overlap) without a visible
/// metronome, and the same seed gives the same offsets.
/// </summary>
internal static class ConnectRamp
{
    public static TimeSpan[] Offsets(int clients, TimeSpan ramp, int seed)
    {
        var offsets = new TimeSpan[clients];
        if (ramp <= TimeSpan.Zero)
            return offsets;
        var random = Seeds.Random(seed, Seeds.StartOffset, 0);
        var slot = ramp.Ticks / (double)clients;
        for (var i = 0; i < clients; i++)
            offsets[i] = TimeSpan.FromTicks((long)((i + random.NextDouble()) * slot));
        return offsets;
    }
}
