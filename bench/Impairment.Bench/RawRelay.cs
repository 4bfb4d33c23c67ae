using System.Net.Sockets;

namespace Harness.Impairment.Bench;

/// <summary>
/// The least a user-space TCP proxy can do: accept, dial, and copy each direction with one 32 KiB buffer, nothing
/// else. The throughput benchmark runs it as a reference for what this machine allows a relay at all.
/// </summary>
internal static class RawRelay
{
    public static LoopbackServer Start(string upstream) =>
        new(async client =>
        {
            using var server = await Net.ConnectAsync(upstream);
            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        });

    private static async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[32 * 1024];
        int read;
        while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            for (var sent = 0; sent < read; )
                sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None);
        }
    }
}
