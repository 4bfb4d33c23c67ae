using System.Net;
using System.Net.Sockets;

namespace Harness.Impairment.Bench;

/// <summary>Small socket helpers for the client side of the benchmarks.</summary>
internal static class Net
{
    public static async Task<Socket> ConnectAsync(string address, CancellationToken token = default)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPEndPoint.Parse(address), token).ConfigureAwait(false);
        return socket;
    }

    public static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken token = default)
    {
        while (!buffer.IsEmpty)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false);
            if (read == 0)
                throw new EndOfStreamException();
            buffer = buffer[read..];
        }
    }
}
