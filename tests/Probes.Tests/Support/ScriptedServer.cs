using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Probes.Tests.Support;

/// <summary>
/// A raw loopback HTTP server on an ephemeral port that answers every request one scripted way: with a status
/// (also a WebSocket upgrade, which is then rejected), or by accepting a WebSocket upgrade and closing it at once
/// with a close code. One request per connection.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly int? _status;
    private readonly (int Code, string Reason)? _close;
    private readonly System.Collections.Concurrent.ConcurrentQueue<int?> _closeReplies = new();

    private ScriptedServer(int? status, (int, string)? close)
    {
        (_status, _close) = (status, close);
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>Answers every request (WebSocket upgrades too) with <paramref name="status"/> and an empty body.</summary>
    public static ScriptedServer Status(int status) => new(status, null);

    /// <summary>Accepts WebSocket upgrades and closes each connection at once with <paramref name="code"/>.</summary>
    public static ScriptedServer WebSocketClose(int code, string reason) => new(null, (code, reason));

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Per closed connection, the close code of the client's answering close frame, or null if it sent none.</summary>
    public IReadOnlyCollection<int?> CloseReplies => _closeReplies;

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
                _ = AnswerAsync(await _listener.AcceptSocketAsync(_stop.Token));
        }
        catch (Exception ex)
            when (ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // stopped
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var request = await ReadHeadAsync(socket);
                if (_status is { } status)
                {
                    var phrase = status == 503 ? "Service Unavailable" : "Status";
                    await SendAsync(socket, $"HTTP/1.1 {status} {phrase}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                }
                var key = request
                    .Split("\r\n")
                    .First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))[18..]
                    .Trim();
                var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
                await SendAsync(
                    socket,
                    $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"
                );
                var (code, reason) = _close!.Value;
                var reasonBytes = Encoding.UTF8.GetBytes(reason);
                byte[] frame = [0x88, (byte)(2 + reasonBytes.Length), (byte)(code >> 8), (byte)code, .. reasonBytes];
                await socket.SendAsync(frame, _stop.Token);
                _closeReplies.Enqueue(await ReadCloseCodeAsync(socket)); // the client's close frame
            }
            catch (Exception ex)
                when (ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // stopped or client gone
            }
        }
    }

    /// <summary>The code in the client's (masked) close frame, or null if the connection ended without one.</summary>
    private async Task<int?> ReadCloseCodeAsync(Socket socket)
    {
        var frame = new List<byte>();
        var buffer = new byte[256];
        try
        {
            while (frame.Count < 8)
            {
                var read = await socket.ReceiveAsync(buffer, _stop.Token);
                if (read == 0)
                    return null;
                frame.AddRange(buffer.Take(read));
            }
        }
        catch (SocketException)
        {
            return null; // reset: the client aborted instead of answering
        }
        if ((frame[0] & 0x0F) != 0x8 || (frame[1] & 0x7F) < 2)
            return null;
        return ((frame[6] ^ frame[2]) << 8) | (frame[7] ^ frame[3]); // mask key in bytes 2..5, code in 6..7
    }

    private async Task<string> ReadHeadAsync(Socket socket)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, _stop.Token);
            if (read == 0)
                throw new InvalidOperationException("client closed before sending a request");
            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return head.ToString();
    }

    private Task SendAsync(Socket socket, string text) => socket.SendAsync(Encoding.ASCII.GetBytes(text), _stop.Token).AsTask();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
