namespace Harness.Impairment.Streams;

/// <summary>
/// A marker chunk with no bytes that travels a link's chain in stream order: when the socket writer meets it, every
/// byte read before it has been written out (or dropped by a toxic). Toxics never see one: their stub forwards it
/// as soon as the toxic asks for its next chunk, i.e. after it wrote everything it read before.
/// </summary>
internal static class ChunkBarrier
{
    // Compared by reference; no pooled buffer or read ever uses this array.
    private static readonly byte[] Mark = new byte[1];

    public static StreamChunk Create(int id) => new(ReadOnlyMemory<byte>.Empty, default) { Lease = Mark, LeasedLength = id };

    public static bool IsBarrier(in StreamChunk chunk) => ReferenceEquals(chunk.Lease, Mark);

    public static int Id(in StreamChunk chunk) => chunk.LeasedLength;
}
