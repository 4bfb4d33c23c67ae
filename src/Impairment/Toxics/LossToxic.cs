namespace Harness.Impairment.Toxics;

/// <summary>
/// Packet loss as TCP shows it to applications, without corrupting the stream: each chunk is cut into segments;
/// a lost segment stalls the stream for a retransmission timeout, then is sent again (and may be lost again, with
/// the timeout doubled). Bytes are delayed, never dropped or reordered. Segments that get through leave together.
/// </summary>
internal sealed class LossToxic(LossAttributes attributes) : IToxic, IStatefulToxic
{
    public static ToxicKind Kind { get; } =
        new(LossAttributes.Schema, wire => new LossToxic(LossAttributes.From(wire)), LossAttributes.Validate);

    public object CreateState() => new LossModel();

    public async Task PipeAsync(ToxicStub stub)
    {
        var model = (LossModel)stub.State!;
        while (true)
        {
            var read = await stub.ReadAsync().ConfigureAwait(false);
            if (read.Kind == StubReadKind.Interrupted) return;
            if (read.Kind == StubReadKind.EndOfStream)
            {
                stub.Close();
                return;
            }

            var chunk = read.Chunk;
            var data = chunk.Data;
            int offset = 0, sent = 0;
            while (offset < data.Length)
            {
                if (model.Attempt(attributes, stub.Random) is not { } stall)
                {
                    offset = Math.Min(offset + attributes.SegmentSize, data.Length);
                    continue;
                }
                // Everything before the lost segment was acknowledged in order; it leaves before the stall.
                if (offset > sent) await stub.WriteAsync(chunk with { Data = data[sent..offset] }).ConfigureAwait(false);
                sent = offset;
                var stalled = await stub.DelayAsync(stall).ConfigureAwait(false);
                chunk = chunk with { Timestamp = stub.Time.GetUtcNow() };
                if (!stalled) break;
            }
            if (sent < data.Length) await stub.WriteAsync(chunk with { Data = data[sent..] }).ConfigureAwait(false);
            if (stub.IsInterrupted) return;
        }
    }
}
