using Harness.Impairment.Streams;

namespace Harness.Impairment.Toxics;

internal enum StubReadKind
{
    Chunk,
    EndOfStream,
    Interrupted,

    /// <summary>Only from the timed read: nothing arrived within the given time.</summary>
    TimedOut,
}

/// <summary>The outcome of one read from a stub's input: a chunk, the end of the stream, or an interrupt.</summary>
internal readonly record struct StubRead(StubReadKind Kind, StreamChunk Chunk)
{
    public static StubRead EndOfStream => new(StubReadKind.EndOfStream, default);

    public static StubRead Interrupted => new(StubReadKind.Interrupted, default);

    public static StubRead TimedOut => new(StubReadKind.TimedOut, default);
}
