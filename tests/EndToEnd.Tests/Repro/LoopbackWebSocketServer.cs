using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace EndToEnd.Tests.Repro;

/// <summary>
/// A loopback WebSocket server on port 0: completes the opening handshake on any path, sends one text frame
/// ("hello") and holds the connection until stopped. <see cref="Upgraded"/> completes at the first handshake.
/// </summary>
internal sealed class LoopbackWebSocketServer : LoopbackServer
{
    private const string Magic = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private readonly TaskCompletionSource _upgraded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LoopbackWebSocketServer() => Start();

    public Task Upgraded => _upgraded.Task;

    protected override async Task AnswerAsync(NetworkStream stream, IReadOnlyList<string> head, CancellationToken stop)
    {
        var key = head.FirstOrDefault(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))?[18..].Trim();
        if (key is null)
            return;
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Magic)));
        var response =
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + $"Sec-WebSocket-Accept: {accept}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), stop);
        byte[] frame = [0x81, 5, .. Encoding.ASCII.GetBytes("hello")];
        await stream.WriteAsync(frame, stop);
        _upgraded.TrySetResult();
        await Task.Delay(Timeout.Infinite, stop);
    }
}
