using System.Net.Sockets;
using System.Threading.Channels;
using Harness.Impairment.Streams;

namespace Harness.Impairment.Proxying;

/// <summary>The socket edges of a link: read into stamped chunks, write chunks out. Bytes are copied once per read.</summary>
internal static class SocketPumps
{
    // The real server's read size; one read becomes one chunk, the granularity every toxic works at.
    public const int ReadBufferSize = 32 * 1024;

    public static async Task<CopyResult> ReadAsync(Socket source, ChannelWriter<StreamChunk> head, TimeProvider time, CancellationToken abort)
    {
        var buffer = new byte[ReadBufferSize];
        try
        {
            while (true)
            {
                var read = await source.ReceiveAsync(buffer, SocketFlags.None, abort).ConfigureAwait(false);
                if (read == 0) return CopyResult.EndOfStream;
                var chunk = new StreamChunk(buffer.AsSpan(0, read).ToArray(), time.GetUtcNow());
                await head.WriteAsync(chunk, abort).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
        {
            return SocketErrorClassifier.Classify(ex);
        }
        finally
        {
            // Any end of the source (FIN, reset, close) is the end of the stream for the chain, as in Toxiproxy.
            head.TryComplete();
        }
    }

    public static async Task<CopyResult> WriteAsync(ChannelReader<StreamChunk> tail, Socket destination, CancellationToken abort)
    {
        try
        {
            while (await tail.WaitToReadAsync(abort).ConfigureAwait(false))
            {
                while (tail.TryRead(out var chunk))
                {
                    var data = chunk.Data;
                    while (!data.IsEmpty)
                    {
                        var sent = await destination.SendAsync(data, SocketFlags.None, abort).ConfigureAwait(false);
                        data = data[sent..];
                    }
                }
            }
            return CopyResult.EndOfStream;
        }
        catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
        {
            return SocketErrorClassifier.Classify(ex);
        }
    }
}
