namespace Harness.Impairment.Toxics;

/// <summary>
/// Discards every chunk (its job). With a positive timeout the connection is closed once no chunk has arrived for
/// that long (an idle timeout, restarted by each chunk). Removing the toxic closes the connection, because the
/// bytes it discarded leave a stream that cannot continue.
/// </summary>
internal sealed class TimeoutToxic(TimeoutAttributes attributes) : IToxic, ICleanupToxic
{
    public static ToxicKind Kind { get; } = new(TimeoutAttributes.Schema, wire => new TimeoutToxic(TimeoutAttributes.From(wire)));

    public async Task PipeAsync(ToxicStub stub)
    {
        var idle = attributes.Timeout > TimeSpan.Zero ? attributes.Timeout : Timeout.InfiniteTimeSpan;
        while (true)
        {
            var read = await stub.ReadAsync(idle).ConfigureAwait(false);
            switch (read.Kind)
            {
                case StubReadKind.Interrupted:
                    return;
                case StubReadKind.EndOfStream:
                    stub.Close();
                    return;
                case StubReadKind.TimedOut:
                    stub.Connection.Close();
                    return;
                default:
                    continue;
            }
        }
    }

    public void Cleanup(IConnectionControl connection) => connection.Close();
}
