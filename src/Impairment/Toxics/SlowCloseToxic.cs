namespace Harness.Impairment.Toxics;

/// <summary>
/// Passes data unchanged; when the source ends, the end of the stream (and with it the close of the destination)
/// is held back by the delay. Interrupted during that wait it returns: the next chain reads the end again from
/// the link's finished source and, if the toxic is still there, waits the full delay anew, as Toxiproxy does.
/// </summary>
internal sealed class SlowCloseToxic(SlowCloseAttributes attributes) : IToxic
{
    public static ToxicKind Kind { get; } = new(SlowCloseAttributes.Schema, wire => new SlowCloseToxic(SlowCloseAttributes.From(wire)));

    public async Task PipeAsync(ToxicStub stub)
    {
        while (true)
        {
            var read = await stub.ReadAsync().ConfigureAwait(false);
            if (read.Kind == StubReadKind.Interrupted)
                return;
            if (read.Kind == StubReadKind.EndOfStream)
            {
                if (await stub.DelayAsync(attributes.Delay).ConfigureAwait(false))
                    stub.Close();
                return;
            }
            await stub.WriteAsync(read.Chunk).ConfigureAwait(false);
        }
    }
}
