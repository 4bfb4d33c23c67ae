namespace Harness.Impairment.Packet.Pipeline;

/// <summary>What became of one packet offered to a <see cref="PacketPipeline"/>.</summary>
public enum PacketFate
{
    Forwarded,
    Lost,
    QueueFull,
    TooBig,
}

/// <summary>
/// The decision for one packet: its fate and, when forwarded, how long after its arrival it leaves and
/// whether a copy follows it or a bit of it was flipped.
/// </summary>
public readonly record struct PacketVerdict(PacketFate Fate, TimeSpan HeldFor, bool Duplicated, bool Corrupted);
