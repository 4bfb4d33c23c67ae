using System.Buffers;

namespace Harness.Impairment.Proxying;

/// <summary>
/// The reader's sends on the <see cref="DirectPath"/>, two buffers deep. A read that filled its buffer (more is
/// probably waiting) is sent from the thread pool while the reader receives the next one into another buffer; a
/// shorter read (the source is drained, e.g. one request) is sent at once on the reader's own thread, with no hop.
/// <code>
///   read A (full) ──► send A on the pool ┐
///   read B ─────────────────────────────►│ wait for A's send ──► send B ...
/// </code>
/// At most one send is under way, and the reader waits for it before it sends again, pushes anything into the
/// chain (a toxic was published) or ends the head: the destination is never written by two at once and no byte
/// overtakes another, so switching to the chain and back works as it does with one buffer.
/// </summary>
internal sealed class DirectPump(DirectPath path, CancellationToken abort)
{
    private Task<bool>? _sending;
    private byte[]? _sendingBuffer;

    /// <summary>
    /// Sends <paramref name="buffer"/>[..<paramref name="length"/>] after the send under way; the pump owns the buffer
    /// from here. False when a send failed (the connection is closed then).
    /// </summary>
    public async ValueTask<bool> SendAsync(byte[] buffer, int length, bool more)
    {
        if (!await DrainAsync().ConfigureAwait(false))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return false;
        }
        if (!more)
        {
            try
            {
                return await path.SendAsync(buffer.AsMemory(0, length), abort).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        _sendingBuffer = buffer;
        _sending = Task.Run(() => path.SendAsync(buffer.AsMemory(0, length), abort).AsTask(), CancellationToken.None);
        return true;
    }

    /// <summary>Waits for the send under way, if any, and frees its buffer; false when it failed.</summary>
    public async ValueTask<bool> DrainAsync()
    {
        if (_sending is not { } sending)
            return true;
        try
        {
            return await sending.ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_sendingBuffer!);
            (_sending, _sendingBuffer) = (null, null);
        }
    }
}
