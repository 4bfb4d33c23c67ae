namespace Harness.Impairment.Toxics;

/// <summary>
/// Cuts each chunk into pieces by Toxiproxy's recursive bisection and waits <c>delay</c> µs after every piece, the
/// last included. Waits are scheduled against a running due time, so sub-millisecond delays add up exactly even
/// though timers tick in milliseconds. Interrupted mid-chunk, it passes the unsent rest on in one piece.
/// </summary>
internal sealed class SlicerToxic(SlicerAttributes attributes) : IToxic
{
    public static ToxicKind Kind { get; } =
        new(SlicerAttributes.Schema, wire => new SlicerToxic(SlicerAttributes.From(wire)), SlicerAttributes.Validate);

    public async Task PipeAsync(ToxicStub stub)
    {
        var due = stub.Time.GetUtcNow();
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
            var now = stub.Time.GetUtcNow();
            if (due < now)
                due = now;
            var cuts = SlicerCuts.Compute(chunk.Data.Length, attributes.AverageSize, attributes.SizeVariation, stub.Random);
            for (var i = 1; i < cuts.Count; i++)
            {
                await stub.WriteAsync(chunk with { Data = chunk.Data[cuts[i - 1]..cuts[i]] }).ConfigureAwait(false);
                due += attributes.Delay;
                if (!await stub.DelayUntilAsync(due).ConfigureAwait(false))
                {
                    if (cuts[i] < chunk.Data.Length)
                        await stub.WriteAsync(chunk with { Data = chunk.Data[cuts[i]..] }).ConfigureAwait(false);
                    return;
                }
            }
        }
    }
}
