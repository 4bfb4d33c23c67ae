namespace Harness.Impairment.Streams;

/// <summary>
/// One successful read from a link's source. <see cref="Timestamp"/> is the read time, so delays are measured
/// from when the bytes arrived rather than from when the previous chunk left (a stream is shifted, not slowed).
/// </summary>
internal readonly record struct StreamChunk(ReadOnlyMemory<byte> Data, DateTimeOffset Timestamp);
