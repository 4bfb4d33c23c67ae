using System.Buffers;

namespace Harness.Impairment.Packet.Pipeline;

/// <summary>A held packet: its bytes at the start of a pooled buffer, which the taker hands back with <see cref="Return"/>.</summary>
internal readonly record struct HeldPacket(byte[] Buffer, int Length)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    /// <summary>A bit of it was flipped on purpose: the receiver's checksum will drop it.</summary>
    public bool Corrupted { get; init; }

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}

/// <summary>
/// Packets waiting for their release time, in release order (arrival order among equal times). Each is copied
/// into a buffer from the shared pool, so holding a packet allocates nothing once the pool is warm.
/// </summary>
internal sealed class HeldQueue
{
    private readonly PriorityQueue<HeldPacket, (TimeSpan Release, long Sequence)> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    /// <summary>Holds a copy of <paramref name="packet"/>; true when it is now the first to leave.</summary>
    public bool Add(ReadOnlySpan<byte> packet, TimeSpan release, bool corrupted = false)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(packet.Length);
        packet.CopyTo(buffer);
        var sequence = _sequence++;
        _queue.Enqueue(new HeldPacket(buffer, packet.Length) { Corrupted = corrupted }, (release, sequence));
        return _queue.TryPeek(out _, out var head) && head.Sequence == sequence;
    }

    public bool TryTakeDue(TimeSpan now, out HeldPacket packet)
    {
        if (_queue.TryPeek(out packet, out var key) && key.Release <= now)
        {
            _queue.Dequeue();
            return true;
        }
        packet = default;
        return false;
    }

    /// <summary>The first release time, null when nothing is held.</summary>
    public TimeSpan? NextRelease => _queue.TryPeek(out _, out var key) ? key.Release : null;
}
