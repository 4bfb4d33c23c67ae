using System.Buffers;

namespace Harness.Probes.Http;

/// <summary>
/// Reads a response body to the end, as a browser would, so the duration covers the transfer. Keeps the first
/// <see cref="MaxKeptBytes"/> only when checks need the body; the rest is read and dropped.
/// </summary>
internal static class ResponseBody
{
    public const int MaxKeptBytes = 1024 * 1024;

    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContent content, bool keep, CancellationToken cancellationToken)
    {
        var kept = keep ? new ArrayBufferWriter<byte>() : null;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (kept is not null && kept.WrittenCount < MaxKeptBytes)
                        kept.Write(buffer.AsSpan(0, Math.Min(read, MaxKeptBytes - kept.WrittenCount)));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        return kept?.WrittenMemory ?? ReadOnlyMemory<byte>.Empty;
    }
}
