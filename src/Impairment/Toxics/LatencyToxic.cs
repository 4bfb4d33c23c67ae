namespace Harness.Impairment.Toxics;

/// <summary>
/// Holds each chunk until its read time + latency + J, J drawn per chunk: by default (Toxiproxy's) a uniform
/// integer in [-jitter, jitter-1] ms, else from the <c>distribution</c> chosen. Chunks are handled one at a time,
/// so nothing is reordered: a chunk whose time has already come leaves right after its predecessor (a wide normal
/// draw never overtakes). The release time becomes the chunk's timestamp, so stacked latencies add up.
/// </summary>
internal sealed class LatencyToxic(LatencyAttributes attributes) : IToxic, IBufferedToxic
{
    // Lets the reader keep draining the socket while chunks wait (the real server's figure).
    public int BufferSize => 1024;

    public static ToxicKind Kind { get; } =
        new(LatencyAttributes.Schema, wire => new LatencyToxic(LatencyAttributes.From(wire)), LatencyAttributes.Validate);

    public async Task PipeAsync(ToxicStub stub)
    {
        while (true)
        {
            var read = await stub.ReadAsync().ConfigureAwait(false);
            if (read.Kind == StubReadKind.Interrupted)
                return;
            if (read.Kind == StubReadKind.EndOfStream)
            {
                stub.Close();
                return;
            }

            var chunk = read.Chunk;
            var due = chunk.Timestamp + attributes.Latency + JitterSampler.Draw(attributes.Distribution, attributes.Jitter, stub.Random);
            if (!await stub.DelayUntilAsync(due).ConfigureAwait(false))
            {
                // Interrupted: hand the chunk on without the rest of its delay, then stop.
                await stub.WriteAsync(chunk).ConfigureAwait(false);
                return;
            }
            var now = stub.Time.GetUtcNow();
            await stub.WriteAsync(chunk with { Timestamp = due > now ? due : now }).ConfigureAwait(false);
        }
    }
}
