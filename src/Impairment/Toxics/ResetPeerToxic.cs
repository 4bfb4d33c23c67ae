using Harness.Impairment.Streams;

namespace Harness.Impairment.Toxics;

/// <summary>
/// Waits for the first chunk (or the end of the stream), then after <c>timeout</c> ms ends the link, discarding
/// that chunk and everything after it. The close is an RST only when the toxic applied to the connection at
/// accept time (<see cref="OnConnectionAccepted"/> sets linger 0 on both sockets, as Toxiproxy does); added to a
/// live connection it closes with FIN, also as Toxiproxy. When the toxic is skipped by its toxicity draw no linger
/// is set, unlike Toxiproxy, where even toxicity 0 turns every later close into an RST (issue #603).
/// </summary>
internal sealed class ResetPeerToxic(ResetPeerAttributes attributes) : IToxic, IStatefulToxic, IConnectionSetupToxic
{
    public static ToxicKind Kind { get; } = new(ResetPeerAttributes.Schema, wire => new ResetPeerToxic(ResetPeerAttributes.From(wire)));

    // Per link: when the reset was triggered, so an update or a neighbour change does not restart the countdown.
    public object CreateState() => new Trigger();

    public ConnectionSetupAction OnConnectionAccepted(IConnectionControl connection)
    {
        connection.SetLingerZero();
        return ConnectionSetupAction.Proceed;
    }

    public async Task PipeAsync(ToxicStub stub)
    {
        var trigger = (Trigger)stub.State!;
        StreamChunk? held = null;
        if (trigger.At is null)
        {
            var read = await stub.ReadAsync().ConfigureAwait(false);
            if (read.Kind == StubReadKind.Interrupted)
                return;
            trigger.At = stub.Time.GetUtcNow();
            if (read.Kind == StubReadKind.Chunk)
                held = read.Chunk;
        }
        if (!await stub.DelayUntilAsync(trigger.At.Value + attributes.Timeout).ConfigureAwait(false))
        {
            // Interrupted before the reset: the triggering chunk is passed on rather than lost (removal cancels it).
            if (held is { } chunk)
                await stub.WriteAsync(chunk).ConfigureAwait(false);
            return;
        }
        stub.Close();
    }

    private sealed class Trigger
    {
        public DateTimeOffset? At { get; set; }
    }
}
