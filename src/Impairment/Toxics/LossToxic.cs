using Harness.Impairment.Streams;

namespace Harness.Impairment.Toxics;

/// <summary>
/// Packet loss as TCP shows it to applications, without corrupting the stream: each chunk is cut into segments;
/// a lost segment stalls the stream until its retransmission (see <see cref="LossModel"/>), which may be lost again.
/// With <c>rtt</c> set, times count from when the data was sent (its chunk's timestamp): a lost segment followed by
/// more data is recovered one rtt and a quarter after that data was sent (fast recovery, several holes in parallel);
/// at the tail the toxic waits for the next chunk up to the probe or retransmission timeout.
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
        // Chunks read while a lost segment waited (at most two: a first loss and a lost retransmission), in order.
        StreamChunk? following = null,
            later = null;
        var released = DateTimeOffset.MinValue;
        var ended = false;
        while (true)
        {
            StreamChunk chunk;
            if (following is { } held)
            {
                (chunk, following, later) = (held, later, null);
            }
            else
            {
                var read = await stub.ReadAsync().ConfigureAwait(false);
                if (read.Kind == StubReadKind.Interrupted)
                    return;
                if (read.Kind == StubReadKind.EndOfStream)
                {
                    stub.Close();
                    return;
                }
                chunk = read.Chunk;
            }

            var (data, sentAt) = (chunk.Data, chunk.Timestamp);
            // Data held behind a lost segment leaves with the retransmission, not at its own time.
            if (released > sentAt)
                chunk = chunk with { Timestamp = released };
            int offset = 0,
                sent = 0;
            while (offset < data.Length)
            {
                if (model.Attempt(attributes, stub.Random, sentAt) is not { } stall)
                {
                    offset = Math.Min(offset + attributes.SegmentSize, data.Length);
                    continue;
                }
                // Everything before the lost segment was acknowledged in order; it leaves before the stall.
                if (offset > sent)
                    await stub.WriteAsync(chunk with { Data = data[sent..offset] }).ConfigureAwait(false);
                sent = offset;
                // Data sent after the lost segment: only a first loss has any (a retransmission is sent after all of it).
                var follows = model.FirstLoss && (following is not null || ended || offset + attributes.SegmentSize < data.Length);
                var recovery = await RecoverAsync(stub, stall, sentAt, follows, canRead: later is null && !ended).ConfigureAwait(false);
                if (recovery.Following is { } got)
                {
                    if (following is null)
                        following = got;
                    else
                        later = got;
                }
                ended |= recovery.Ended;
                released = stub.Time.GetUtcNow();
                // The retransmission is sent now: a further loss of it counts from here.
                (chunk, sentAt) = (chunk with { Timestamp = released }, released);
                if (!recovery.InTime)
                    break;
            }
            if (sent < data.Length)
                await stub.WriteAsync(chunk with { Data = data[sent..] }).ConfigureAwait(false);
            if (stub.IsInterrupted)
            {
                if (following is { } left)
                    await stub.WriteAsync(left).ConfigureAwait(false);
                if (later is { } last)
                    await stub.WriteAsync(last).ConfigureAwait(false);
                return;
            }
            // The end of the stream read behind a lost segment: close once the chunks held with it are through.
            if (ended && following is null)
            {
                stub.Close();
                return;
            }
        }
    }

    /// <summary>
    /// Waits until the lost segment (sent, or retransmitted, at <paramref name="sentAt"/>) is sent again. Without rtt
    /// that is the stall from now. With rtt: fast recovery from its send time when data sent after it is in hand;
    /// else the next chunk to arrive (or already waiting; when <paramref name="canRead"/>) brings the retransmission
    /// forward to that chunk's send time + the fast-recovery time (RACK), else the probe or retransmission timeout ends it.
    /// </summary>
    private async ValueTask<Recovery> RecoverAsync(ToxicStub stub, TimeSpan stall, DateTimeOffset sentAt, bool follows, bool canRead)
    {
        if (attributes.Rtt <= TimeSpan.Zero)
            return new(await stub.DelayAsync(stall).ConfigureAwait(false), null, false);
        var fast = attributes.FastRecovery;
        var deadline = sentAt + (follows && fast < stall ? fast : stall);
        StreamChunk? following = null;
        var ended = false;
        var now = stub.Time.GetUtcNow();
        if (!follows && canRead && deadline > now)
        {
            var wait = deadline - fast - now;
            var read = await stub.ReadAsync(wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1)).ConfigureAwait(false);
            switch (read.Kind)
            {
                case StubReadKind.Interrupted:
                    return new(false, null, false);
                case StubReadKind.EndOfStream:
                    ended = true;
                    break;
                case StubReadKind.Chunk:
                    following = read.Chunk;
                    var nextSent = read.Chunk.Timestamp > sentAt ? read.Chunk.Timestamp : sentAt;
                    if (nextSent + fast < deadline)
                        deadline = nextSent + fast;
                    break;
            }
        }
        return new(await stub.DelayUntilAsync(deadline).ConfigureAwait(false), following, ended);
    }

    private readonly record struct Recovery(bool InTime, StreamChunk? Following, bool Ended);
}
