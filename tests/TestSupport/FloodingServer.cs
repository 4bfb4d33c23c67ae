using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Harness.TestSupport;

/// <summary>
/// A hostile loopback WebSocket server on an ephemeral port: it accepts the upgrade and sends one huge binary message
/// as many 64 KiB frames (a first frame, then continuation frames), ending it with FIN or never, and records the close
/// code of the client's close frame. Its frames come from one reused buffer, so the server itself allocates little.
/// </summary>
public sealed class FloodingServer : IAsyncDisposable
{
    public const int FrameBytes = 64 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly long _messageBytes;
    private readonly bool _fin;
    private readonly ConcurrentQueue<int?> _closeCodes = new();
    private long _sent;

    private FloodingServer(long messageBytes, bool fin)
    {
        (_messageBytes, _fin) = (messageBytes, fin);
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>Sends one message of <paramref name="bytes"/> bytes in 64 KiB frames, the last one with FIN.</summary>
    public static FloodingServer Message(long bytes) => new(bytes, fin: true);

    /// <summary>
    /// Sends frames of one message and never its FIN; it gives up after <paramref name="bytes"/> bytes (so that a
    /// client without a limit cannot exhaust the test machine) and then holds the connection open, still without FIN.
    /// </summary>
    public static FloodingServer WithoutFin(long bytes) => new(bytes, fin: false);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url => new($"ws://127.0.0.1:{Port}/flood");

    /// <summary>Per connection, the close code of the client's close frame, or null if the connection ended without one.</summary>
    public IReadOnlyCollection<int?> CloseCodes => _closeCodes;

    /// <summary>Payload bytes the server managed to send, over all connections.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
                _ = ServeAsync(await _listener.AcceptSocketAsync(_stop.Token));
        }
        catch (Exception ex) when (IsGone(ex))
        {
            // stopped
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await HandshakeAsync(socket);
                var reading = ReadCloseCodeAsync(socket);
                await FloodAsync(socket);
                _closeCodes.Enqueue(await reading);
            }
            catch (Exception ex) when (IsGone(ex))
            {
                // stopped or client gone
            }
        }
    }

    private async Task FloodAsync(Socket socket)
    {
        var frame = new byte[10 + FrameBytes];
        for (long offset = 0; offset < _messageBytes; offset += FrameBytes)
        {
            var length = (int)Math.Min(FrameBytes, _messageBytes - offset);
            var last = offset + length >= _messageBytes;
            var opcode = offset == 0 ? 0x2 : 0x0; // binary, then continuation frames
            frame[0] = (byte)((last && _fin ? 0x80 : 0) | opcode);
            frame[1] = 127; // unmasked, 64-bit length
            for (var i = 0; i < 8; i++)
                frame[2 + i] = (byte)((long)length >> (8 * (7 - i)));
            try
            {
                await socket.SendAsync(frame.AsMemory(0, 10 + length), _stop.Token);
            }
            catch (SocketException)
            {
                return; // the client closed or aborted the connection
            }
            Interlocked.Add(ref _sent, length);
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
            return null;
        }
        if ((frame[0] & 0x0F) != 0x8 || (frame[1] & 0x7F) < 2)
            return null;
        return ((frame[6] ^ frame[2]) << 8) | (frame[7] ^ frame[3]); // mask key in bytes 2..5, code in 6..7
    }

    private async Task HandshakeAsync(Socket socket)
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
        var key = head.ToString()
            .Split("\r\n")
            .First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))[18..]
            .Trim();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        var response =
            $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
    }

    private static bool IsGone(Exception ex) =>
        ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
