namespace Harness.Impairment.Toxics;

/// <summary>
/// Closes the whole connection <c>after</c> ms, whatever the traffic ("cable pulled", Toxiproxy issue #149 and PR
/// #195). The clock starts when the toxic starts on the link: at connection start for a toxic present at accept,
/// else when it was added; updates and neighbour changes do not restart it. Data passes unchanged until then.
/// </summary>
internal sealed class CutAfterToxic(CutAfterAttributes attributes) : IToxic, IStatefulToxic
{
    public static ToxicKind Kind { get; } =
        new(CutAfterAttributes.Schema, wire => new CutAfterToxic(CutAfterAttributes.From(wire)), CutAfterAttributes.Validate);

    public object CreateState() => new Started();

    public async Task PipeAsync(ToxicStub stub)
    {
        var started = (Started)stub.State!;
        started.At ??= stub.Time.GetUtcNow();
        var deadline = started.At.Value + attributes.After;
        while (true)
        {
            var remaining = deadline - stub.Time.GetUtcNow();
            var read = remaining > TimeSpan.Zero ? await stub.ReadAsync(remaining).ConfigureAwait(false) : StubRead.TimedOut;
            switch (read.Kind)
            {
                case StubReadKind.Interrupted:
                    return;
                case StubReadKind.EndOfStream:
                    stub.Close();
                    return;
                case StubReadKind.TimedOut:
                    if (attributes.Reset)
                        stub.Connection.SetLingerZero();
                    stub.Connection.Close();
                    return;
                default:
                    await stub.WriteAsync(read.Chunk).ConfigureAwait(false);
                    break;
            }
        }
    }

    private sealed class Started
    {
        public DateTimeOffset? At { get; set; }
    }
}
