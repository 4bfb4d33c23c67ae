using Harness.Impairment.Streams;

namespace Harness.Impairment.Toxics;

/// <summary>
/// Packet loss as TCP shows it to applications, without corrupting the stream: each chunk is cut into segments;
/// a lost segment stalls the stream until its retransmission (see <see cref="LossModel"/>), which may be lost again.
/// With <c>rtt</c> set, a lost segment followed by more data is recovered one rtt and a quarter after that data
/// (fast recovery); at the tail the toxic waits for the next chunk up to the probe or retransmission timeout.
/// Bytes are delayed, never dropped or reordered. Segments that get through leave together.
/// </summary>
internal sealed class LossToxic(LossAttributes attributes) : IToxic, IStatefulToxic
{
    public static ToxicKind Kind { get; } =
        new(LossAttributes.Schema, wire => new LossToxic(LossAttributes.From(wire)), LossAttributes.Validate);

    public object CreateState() => new LossModel();

    public async Task PipeAsync(ToxicStub stub)
    {
        var model = (LossModel)stub.State!;
        StreamChunk? following = null;
        while (true)
        {
            StreamChunk chunk;
            if (following is { } held)
            {
                // Held behind a lost segment: it leaves with the retransmission, not at its arrival time.
                (chunk, following) = (held with { Timestamp = stub.Time.GetUtcNow() }, null);
            }
            else
            {
                var read = await stub.ReadAsync().ConfigureAwait(false);
                if (read.Kind == StubReadKind.Interrupted) return;
                if (read.Kind == StubReadKind.EndOfStream)
                {
                    stub.Close();
                    return;
                }
                chunk = read.Chunk;
            }

            var data = chunk.Data;
            int offset = 0, sent = 0;
            var ended = false;
            while (offset < data.Length)
            {
                if (model.Attempt(attributes, stub.Random, stub.Time.GetUtcNow()) is not { } stall)
                {
                    offset = Math.Min(offset + attributes.SegmentSize, data.Length);
                    continue;
                }
                // Everything before the lost segment was acknowledged in order; it leaves before the stall.
                if (offset > sent) await stub.WriteAsync(chunk with { Data = data[sent..offset] }).ConfigureAwait(false);
                sent = offset;
                var follows = following is not null || ended || offset + attributes.SegmentSize < data.Length;
                var recovery = await RecoverAsync(stub, model, stall, follows).ConfigureAwait(false);
                following ??= recovery.Following;
                ended |= recovery.Ended;
                chunk = chunk with { Timestamp = stub.Time.GetUtcNow() };
                if (!recovery.InTime) break;
            }
            if (sent < data.Length) await stub.WriteAsync(chunk with { Data = data[sent..] }).ConfigureAwait(false);
            if (stub.IsInterrupted)
            {
                if (following is { } left) await stub.WriteAsync(left).ConfigureAwait(false);
                return;
            }
            if (ended)
            {
                stub.Close();
                return;
            }
        }
    }

    /// <summary>
    /// Waits until the lost segment is retransmitted. Without rtt, or for a lost retransmission, that is the stall.
    /// After a first loss with rtt set: fast recovery when data follows; at the tail, the next chunk to arrive before
    /// the timeout less the fast-recovery time brings the retransmission forward to its arrival + the fast-recovery time.
    /// </summary>
    private async ValueTask<Recovery> RecoverAsync(ToxicStub stub, LossModel model, TimeSpan stall, bool follows)
    {
        if (attributes.Rtt <= TimeSpan.Zero || !model.FirstLoss) return new(await stub.DelayAsync(stall).ConfigureAwait(false), null, false);
        var fast = attributes.FastRecovery;
        if (follows) return new(await stub.DelayAsync(fast < stall ? fast : stall).ConfigureAwait(false), null, false);
        var deadline = stub.Time.GetUtcNow() + stall;
        StreamChunk? following = null;
        var ended = false;
        if (stall > fast)
        {
            var read = await stub.ReadAsync(stall - fast).ConfigureAwait(false);
            switch (read.Kind)
            {
                case StubReadKind.Interrupted:
                    return new(false, null, false);
                case StubReadKind.EndOfStream:
                    ended = true;
                    break;
                case StubReadKind.Chunk:
                    following = read.Chunk;
                    deadline = stub.Time.GetUtcNow() + fast;
                    break;
            }
        }
        return new(await stub.DelayUntilAsync(deadline).ConfigureAwait(false), following, ended);
    }

    private readonly record struct Recovery(bool InTime, StreamChunk? Following, bool Ended);
}
