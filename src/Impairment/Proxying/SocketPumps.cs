using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;
using Harness.Impairment.Metering;
using Harness.Impairment.Streams;

namespace Harness.Impairment.Proxying;

/// <summary>
/// The socket edges of a link: read into stamped chunks, write chunks out. A large read hands its pooled buffer on
/// as the chunk (no copy; the writer returns it to the pool, see <see cref="StreamChunk.ReturnLease"/>); a small one
/// is copied to an exact array so a toxic holding many small chunks (latency) does not pin 32 KiB for each.
/// While the link's chain is empty the reader sends each read itself (<see cref="DirectPath"/>).
/// </summary>
internal static class SocketPumps
{
    // The real server's read size; one read becomes one chunk, the granularity every toxic works at.
    public const int ReadBufferSize = 32 * 1024;

    // Reads at least this large are handed on in their buffer: at most 4x their size in memory while held.
    public const int HandOnThreshold = ReadBufferSize / 4;

    /// <summary>
    /// Reads chunks until the source ends. An idle link parks on a zero-byte receive and holds no buffer: the 32 KiB
    /// read buffer is rented only once data is there and returned as soon as a read drains the socket, so 10,000
    /// idle connections do not pin 640 MB of buffers. A read that filled the buffer keeps it for the next read.
    /// </summary>
    public static async Task<CopyResult> ReadAsync(
        Socket source,
        ChannelWriter<StreamChunk> head,
        TimeProvider time,
        TrafficMeter.Counter traffic,
        CancellationToken abort,
        Action? onRead = null,
        DirectPath? direct = null
    )
    {
        byte[]? buffer = null;
        var bypass = false;
        try
        {
            while (true)
            {
                if (buffer is null)
                {
                    await source.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, abort).ConfigureAwait(false);
                    buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
                }
                var read = await source.ReceiveAsync(buffer.AsMemory(0, ReadBufferSize), SocketFlags.None, abort).ConfigureAwait(false);
                if (read == 0)
                    return CopyResult.EndOfStream;
                traffic.AddReceived(read);
                onRead?.Invoke();
                if (direct is not null)
                {
                    // Checked after the read: bytes that arrive once a toxic is published go through it.
                    bypass = direct.ChainEmpty && (bypass || await direct.FlushChainAsync(head, abort).ConfigureAwait(false));
                    if (bypass)
                    {
                        if (!await direct.SendAsync(buffer.AsMemory(0, read), abort).ConfigureAwait(false))
                            return CopyResult.Aborted;
                        if (read < ReadBufferSize)
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = null;
                        }
                        continue;
                    }
                }
                StreamChunk chunk;
                if (read >= HandOnThreshold)
                {
                    chunk = StreamChunk.Leased(buffer, read, time.GetUtcNow());
                    // The chunk owns the buffer now; a full read rents the next one at once, else after the next wait.
                    buffer = read == ReadBufferSize ? ArrayPool<byte>.Shared.Rent(ReadBufferSize) : null;
                }
                else
                {
                    chunk = new StreamChunk(buffer.AsSpan(0, read).ToArray(), time.GetUtcNow());
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = null;
                }
                await head.WriteAsync(chunk, abort).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
        {
            return SocketErrorClassifier.Classify(ex);
        }
        finally
        {
            if (buffer is not null)
                ArrayPool<byte>.Shared.Return(buffer);
            // Any end of the source (FIN, reset, close) is the end of the stream for the chain, as in Toxiproxy.
            head.TryComplete();
        }
    }

    public static async Task<CopyResult> WriteAsync(
        ChannelReader<StreamChunk> tail,
        Socket destination,
        TrafficMeter.Counter traffic,
        CancellationToken abort,
        Action? onSent = null,
        DirectPath? direct = null
    )
    {
        try
        {
            while (await tail.WaitToReadAsync(abort).ConfigureAwait(false))
            {
                while (tail.TryRead(out var chunk))
                {
                    if (ChunkBarrier.IsBarrier(chunk))
                    {
                        direct?.Passed(chunk);
                        continue;
                    }
                    var data = chunk.Data;
                    // Told before the send: once the bytes are out, the client may read them and send its next
                    // request before this continuation runs, and that request would be taken for the same wait.
                    if (!data.IsEmpty)
                        onSent?.Invoke();
                    while (!data.IsEmpty)
                    {
                        var sent = await destination.SendAsync(data, SocketFlags.None, abort).ConfigureAwait(false);
                        traffic.AddSent(sent);
                        data = data[sent..];
                    }
                    chunk.ReturnLease();
                }
            }
            return CopyResult.EndOfStream;
        }
        catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
        {
            // A failed direct send closed the connection, which is what stopped this writer: report the cause.
            return direct?.SendFailure ?? SocketErrorClassifier.Classify(ex);
        }
    }
}
