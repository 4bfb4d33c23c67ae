namespace Harness.Impairment.Toxics;

/// <summary>
/// Forwards data until <c>bytes</c> have passed on this link, truncating the chunk that crosses the limit, then
/// ends the stream (the connection closes). The count is per link and survives updates; re-adding the toxic
/// starts from 0. A limit already reached (0, or lowered below the count) closes only when the next chunk arrives,
/// which is dropped: an idle connection stays open, exactly as in Toxiproxy.
/// </summary>
internal sealed class LimitDataToxic(LimitDataAttributes attributes) : IToxic, IStatefulToxic
{
    public static ToxicKind Kind { get; } = new(LimitDataAttributes.Schema, wire => new LimitDataToxic(LimitDataAttributes.From(wire)));

    public object CreateState() => new Counter();

    public async Task PipeAsync(ToxicStub stub)
    {
        var counter = (Counter)stub.State!;
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

            var remaining = Math.Max(0, attributes.Bytes - counter.Transmitted);
            var data = read.Chunk.Data;
            if (remaining < data.Length)
                data = data[..(int)remaining];
            if (data.Length > 0)
            {
                counter.Transmitted += data.Length;
                await stub.WriteAsync(read.Chunk with { Data = data }).ConfigureAwait(false);
            }
            if (counter.Transmitted >= attributes.Bytes)
            {
                stub.Close();
                return;
            }
        }
    }

    private sealed class Counter
    {
        public long Transmitted { get; set; }
    }
}
