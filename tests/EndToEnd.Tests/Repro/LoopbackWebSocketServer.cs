using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace EndToEnd.Tests.Repro;

/// <summary>
/// A loopback WebSocket server on port 0: completes the opening handshake on any path, sends one text frame
/// ("hello") and holds the connection until stopped. <see cref="Upgraded"/> completes at the first handshake.
/// </summary>
internal sealed class LoopbackWebSocketServer : IAsyncDisposable
{
    private const string Magic = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _upgraded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _accepting;

    public LoopbackWebSocketServer()
    {
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Task Upgraded => _upgraded.Task;

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true) _ = AnswerAsync(await _listener.AcceptTcpClientAsync(_stop.Token));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                string? key = null;
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(_stop.Token)))
                {
                    if (line.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase)) key = line[18..].Trim();
                }
                if (key is null) return;
                var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Magic)));
                var head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + $"Sec-WebSocket-Accept: {accept}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                byte[] frame = [0x81, 5, .. Encoding.ASCII.GetBytes("hello")];
                await stream.WriteAsync(frame, _stop.Token);
                _upgraded.TrySetResult();
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                // client gone or stopped
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
