using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EndToEnd.Tests.Repro;

/// <summary>
/// A loopback HTTP/1.1 server on port 0 that answers every GET with one status and HTML body (favicon: 404),
/// one request per connection, and remembers each request line's path.
/// </summary>
internal sealed class LoopbackPageServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int, string> _html;
    private readonly int _status;
    private readonly Task _accepting;

    /// <param name="html">The page, given this server's port.</param>
    public LoopbackPageServer(Func<int, string> html, int status = 200)
    {
        (_html, _status) = (html, status);
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<string> Paths { get; } = new();

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
                var requestLine = await reader.ReadLineAsync(_stop.Token);
                if (requestLine is null) return;
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync(_stop.Token)))
                {
                }
                var path = requestLine.Split(' ')[1];
                Paths.Enqueue(path);
                var (status, body) = path == "/favicon.ico" ? (404, "") : (_status, _html(Port));
                var bytes = Encoding.UTF8.GetBytes(body);
                var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Status")}\r\nConnection: close\r\n"
                    + "Content-Type: text/html; charset=utf-8\r\n"
                    + $"Content-Length: {bytes.Length}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(bytes).ToArray(), _stop.Token);
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
