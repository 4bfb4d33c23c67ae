namespace Harness.Impairment.Packet.Pipeline;

/// <summary>
/// What one direction did so far. <see cref="Dropped"/> counts loss (Bernoulli or burst) and partitions;
/// queue and MTU drops are counted apart. <see cref="Delayed"/> counts packets held for any time (delay,
/// jitter or the rate limiter); <see cref="AddedDelaySum"/> is the time they were held in total.
/// </summary>
public sealed record PacketCounters(
    long Seen,
    long Bytes,
    long Forwarded,
    long BytesForwarded,
    long Dropped,
    long DroppedQueue,
    long DroppedMtu,
    long Duplicated,
    long Corrupted,
    long Reordered,
    long Delayed,
    TimeSpan AddedDelaySum,
    int QueueDepth,
    int MaxQueueDepth
)
{
    /// <summary>RST segments the link forged into this direction to reset connections (not counted in <see cref="Seen"/>).</summary>
    public long ResetsForged { get; init; }

    public static readonly PacketCounters Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero, 0, 0);

    /// <summary>Lost packets (loss and partition) as a percentage of those seen; 0 before any packet.</summary>
    public double LossPercent => Seen == 0 ? 0 : 100.0 * Dropped / Seen;

    /// <summary>Mean time a forwarded packet was held (over every packet seen and not dropped).</summary>
    public TimeSpan MeanAddedDelay
    {
        get
        {
            var passed = Seen - Dropped - DroppedQueue - DroppedMtu;
            return passed <= 0 ? TimeSpan.Zero : AddedDelaySum / passed;
        }
    }
}
