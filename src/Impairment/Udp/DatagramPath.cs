using System.Collections.Immutable;

namespace Harness.Impairment.Udp;

/// <summary>
/// One direction of one session: its seeded random source, the per-toxic state and toxicity draws, and the
/// scheduler that sends. Decisions for a direction are made one datagram at a time in arrival order, so the same
/// seed and the same datagrams give the same decisions.
/// </summary>
internal sealed class DatagramPath(Random random, DatagramScheduler scheduler) : IDisposable
{
    private readonly Dictionary<(long Id, long Version), (bool Active, object? State)> _toxics = [];

    /// <summary>Runs the toxics in insertion order; returns how many copies were scheduled (0 = dropped).</summary>
    public int Forward(byte[] datagram, ImmutableArray<UdpToxic> toxics, DateTimeOffset now)
    {
        var fate = new DatagramFate(datagram.Length, now);
        foreach (var toxic in toxics)
        {
            var key = (toxic.Id, toxic.Version);
            if (!_toxics.TryGetValue(key, out var entry))
            {
                // Toxicity is drawn once per session direction and toxic version, like Toxiproxy's per-link draw.
                entry = (random.NextDouble() < toxic.State.Toxicity, toxic.Toxic.CreateState());
                _toxics[key] = entry;
            }
            if (!entry.Active)
                continue;
            toxic.Toxic.Apply(fate, random, entry.State);
            if (fate.Dropped)
                return 0;
        }
        for (var i = 0; i < fate.Copies; i++)
            scheduler.Schedule(datagram, fate.Delay);
        return fate.Copies;
    }

    public void Dispose() => scheduler.Dispose();
}
