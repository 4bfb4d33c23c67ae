namespace Harness.Impairment.Toxics;

/// <summary>
/// A slow connection set-up (Toxiproxy PR #536): the first chunk in this direction is held until its read time +
/// <c>delay</c>; later chunks queue behind it and then flow freely. "First" is per link and survives updates, so
/// for a toxic present at accept it is the connection's first byte; added later, it is the next chunk.
/// </summary>
internal sealed class SlowOpenToxic(SlowOpenAttributes attributes) : IToxic, IStatefulToxic
{
    public static ToxicKind Kind { get; } =
        new(SlowOpenAttributes.Schema, wire => new SlowOpenToxic(SlowOpenAttributes.From(wire)), SlowOpenAttributes.Validate);

    public object CreateState() => new Opened();

    public async Task PipeAsync(ToxicStub stub)
    {
        var opened = (Opened)stub.State!;
        if (!opened.Done)
        {
            var read = await stub.ReadAsync().ConfigureAwait(false);
            if (read.Kind == StubReadKind.Interrupted)
                return;
            if (read.Kind == StubReadKind.EndOfStream)
            {
                stub.Close();
                return;
            }
            var due = read.Chunk.Timestamp + attributes.Delay;
            var waited = await stub.DelayUntilAsync(due).ConfigureAwait(false);
            // Interrupted or not, the chunk goes on now and the opening is over: it is never delayed twice.
            opened.Done = true;
            var now = stub.Time.GetUtcNow();
            await stub.WriteAsync(read.Chunk with { Timestamp = due > now ? due : now }).ConfigureAwait(false);
            if (!waited)
                return;
        }
        await NoopToxic.PassThroughAsync(stub).ConfigureAwait(false);
    }

    private sealed class Opened
    {
        public bool Done { get; set; }
    }
}
