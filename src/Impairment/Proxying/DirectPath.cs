using System.Net.Sockets;
using System.Threading.Channels;
using Harness.Impairment.Metering;
using Harness.Impairment.Streams;

namespace Harness.Impairment.Proxying;

/// <summary>
/// The socket-to-socket path of one link, taken while its published chain is empty: the reader sends each read
/// straight to the destination (one pooled buffer, no queue, no hop).
/// <code>
///   chain empty:   source ──read──► [buffer] ──send──► destination              (reader only)
///   toxic set:     source ──read──► head ─► (head) ─► toxic … ─► tail ─► writer ─► destination
/// </code>
/// Switching to the chain needs nothing: every direct send completed before the next read, so the first chunk
/// pushed into the head follows the last byte sent. Switching back starts once the link runs the empty chain (its
/// removed toxics cleaned up) and waits for a <see cref="ChunkBarrier"/> pushed behind the chain's last chunk to reach the writer with no chain published meanwhile; only then may the reader
/// send again itself, so the two never write the destination at once and no byte overtakes another.
/// </summary>
internal sealed class DirectPath(Socket destination, TrafficMeter.Counter traffic, Action? onSent, Action onSendFailed, bool chainEmpty)
{
    private readonly object _gate = new();
    private bool _chainEmpty = chainEmpty;
    private ToxicChain? _published;
    private int _barrierId;
    private TaskCompletionSource<bool>? _flushing;
    private long _directBytes;

    /// <summary>True while the published chain has no toxic; read by the reader after every read.</summary>
    public bool ChainEmpty => Volatile.Read(ref _chainEmpty);

    /// <summary>Bytes sent on this path since the link started.</summary>
    public long DirectBytes => Interlocked.Read(ref _directBytes);

    /// <summary>Why a direct send failed; the writer reports it as the link's end.</summary>
    public CopyResult? SendFailure { get; private set; }

    /// <summary>
    /// Called for every chain the link is given, before the link adopts it. A chain with a toxic takes the reader off
    /// the direct path at once (bytes read after an add go through the toxic); an empty one only once the link runs
    /// it (<see cref="Adopted"/>), after the removed toxics are cleaned up: a timeout toxic's removal closes the
    /// connection, and a read sent direct before that close would deliver bytes the toxic was still dropping.
    /// </summary>
    public void Publish(ToxicChain chain)
    {
        TaskCompletionSource<bool>? abandoned;
        lock (_gate)
        {
            _published = chain;
            if (!chain.Toxics.IsEmpty)
                Volatile.Write(ref _chainEmpty, false);
            abandoned = _flushing;
            _flushing = null;
        }
        abandoned?.TrySetResult(false);
    }

    /// <summary>The link runs <paramref name="chain"/> now; an empty chain that is still the latest opens the path.</summary>
    public void Adopted(ToxicChain chain)
    {
        lock (_gate)
        {
            if (chain.Toxics.IsEmpty && ReferenceEquals(chain, _published ?? chain))
                Volatile.Write(ref _chainEmpty, true);
        }
    }

    /// <summary>
    /// The reader's way back from the chain: pushes a barrier and waits for the writer to pass it. True when the
    /// chain stayed empty all along (every earlier byte is out); false when a chain was published meanwhile (the
    /// barrier is then stale and ignored when it arrives).
    /// </summary>
    public async ValueTask<bool> FlushChainAsync(ChannelWriter<StreamChunk> head, CancellationToken abort)
    {
        TaskCompletionSource<bool> flushing;
        StreamChunk barrier;
        lock (_gate)
        {
            if (!_chainEmpty)
                return false;
            flushing = _flushing = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            barrier = ChunkBarrier.Create(++_barrierId);
        }
        await head.WriteAsync(barrier, abort).ConfigureAwait(false);
        return await flushing.Task.WaitAsync(abort).ConfigureAwait(false);
    }

    /// <summary>The writer met a barrier: every chunk before it is written.</summary>
    public void Passed(in StreamChunk barrier)
    {
        TaskCompletionSource<bool>? flushed = null;
        lock (_gate)
        {
            if (ChunkBarrier.Id(barrier) == _barrierId)
            {
                flushed = _flushing;
                _flushing = null;
            }
        }
        flushed?.TrySetResult(true);
    }

    /// <summary>Sends one read whole; false when the destination failed (the connection is closed then).</summary>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, CancellationToken abort)
    {
        var length = data.Length;
        // Told before the send, as the writer does: the client may answer before this continuation runs.
        onSent?.Invoke();
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await destination.SendAsync(data, SocketFlags.None, abort).ConfigureAwait(false);
                traffic.AddSent(sent);
                data = data[sent..];
            }
            Interlocked.Add(ref _directBytes, length);
            return true;
        }
        catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
        {
            SendFailure = SocketErrorClassifier.Classify(ex);
            onSendFailed();
            return false;
        }
    }
}
