using System.Buffers;
using System.Runtime.InteropServices;

namespace Harness.Impairment.Streams;

/// <summary>
/// One successful read from a link's source. <see cref="Timestamp"/> is the read time, so delays are measured
/// from when the bytes arrived rather than from when the previous chunk left (a stream is shifted, not slowed).
/// </summary>
internal readonly record struct StreamChunk(ReadOnlyMemory<byte> Data, DateTimeOffset Timestamp)
{
    /// <summary>
    /// A pooled read buffer the chunk's bytes live in (from <see cref="ArrayPool{T}.Shared"/>), or null. Toxics may
    /// slice a chunk (`with { Data = ... }` keeps the lease), so the buffer goes back to the pool only from a chunk
    /// that still covers all of it: see <see cref="ReturnLease"/>. A slice, or a chunk a toxic dropped, leaves the
    /// buffer to the garbage collector, which is always safe.
    /// </summary>
    public byte[]? Lease { get; init; }

    /// <summary>How many bytes of <see cref="Lease"/> the read filled.</summary>
    public int LeasedLength { get; init; }

    /// <summary>A chunk over the first <paramref name="length"/> bytes of a rented buffer, which it now owns.</summary>
    public static StreamChunk Leased(byte[] buffer, int length, DateTimeOffset timestamp) =>
        new(buffer.AsMemory(0, length), timestamp) { Lease = buffer, LeasedLength = length };

    /// <summary>
    /// After the last write of this chunk: returns the buffer when this chunk is the whole read it was leased for
    /// (so no other chunk can share the array).
    /// </summary>
    public void ReturnLease()
    {
        if (Lease is null)
            return;
        if (
            MemoryMarshal.TryGetArray(Data, out var segment)
            && ReferenceEquals(segment.Array, Lease)
            && segment.Offset == 0
            && segment.Count == LeasedLength
        )
        {
            ArrayPool<byte>.Shared.Return(Lease);
        }
    }
}
