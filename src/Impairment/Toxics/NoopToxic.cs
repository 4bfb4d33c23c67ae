namespace Harness.Impairment.Toxics;

/// <summary>Passes data unchanged. Also the hidden head of every chain and the stand-in for a toxic a link skipped.</summary>
internal sealed class NoopToxic : IToxic
{
    public static readonly NoopToxic Instance = new();

    public static ToxicKind Kind { get; } = new(new ToxicSchema("noop", "NoopToxic", []), _ => Instance);

    public Task PipeAsync(ToxicStub stub) => PassThroughAsync(stub);

    public static async Task PassThroughAsync(ToxicStub stub)
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
            await stub.WriteAsync(read.Chunk).ConfigureAwait(false);
        }
    }
}
