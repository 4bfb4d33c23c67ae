using Harness.Impairment.Streams;

namespace Harness.Impairment.Toxics;

/// <summary>
/// How a stub is plugged into one chain generation: chunks carried over from the previous generation (read before
/// the input channel), whether interrupted writes spill (intermediate stages) or wait (the last stage), and tokens.
/// </summary>
internal sealed record StubWiring(
    IReadOnlyList<StreamChunk> Prefix,
    bool SpillOnInterrupt,
    CancellationToken Interrupt,
    CancellationToken Abort
);
