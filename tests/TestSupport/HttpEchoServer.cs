using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Harness.TestSupport;

/// <summary>
/// A loopback HTTP/1.1 server on an ephemeral port that answers every request with its own body and content type,
/// and the request's method and headers as <c>X-Echo-*</c> response headers; one request per connection.
/// For testing what a client sends.
/// </summary>
public sealed class HttpEchoServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public HttpEchoServer()
    {
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
                _ = AnswerAsync(await _listener.AcceptTcpClientAsync(_stop.Token));
        }
        catch (Exception ex)
            when (ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
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
                using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
                var method = (await reader.ReadLineAsync(_stop.Token))?.Split(' ')[0] ?? "";
                var headers = new List<(string Name, string Value)>();
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(_stop.Token)))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
                }
                var length = int.Parse(
                    headers.FirstOrDefault(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value ?? "0"
                );
                // Content-Length counts bytes: read characters until their UTF-8 encoding reaches it (a multi-byte
                // body counted in characters would wait for bytes that never come).
                var body = new StringBuilder();
                var chunk = new char[4096];
                var bytes = 0;
                while (bytes < length)
                {
                    var read = await reader.ReadAsync(chunk.AsMemory(0, Math.Min(chunk.Length, length - bytes)), _stop.Token);
                    if (read == 0)
                        break;
                    body.Append(chunk, 0, read);
                    bytes += Encoding.UTF8.GetByteCount(chunk, 0, read);
                }
                await stream.WriteAsync(Response(method, headers, body.ToString()), _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                // client gone or stopped
            }
        }
    }

    private static byte[] Response(string method, List<(string Name, string Value)> headers, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var contentType = headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value
            ?? "text/plain";
        var head = new StringBuilder("HTTP/1.1 200 OK\r\nConnection: close\r\n")
            .Append("Content-Type: ")
            .Append(contentType)
            .Append("\r\nContent-Length: ")
            .Append(bytes.Length)
            .Append("\r\n")
            .Append("X-Echo-Method: ")
            .Append(method)
            .Append("\r\n");
        foreach (var (name, value) in headers)
            head.Append("X-Echo-").Append(name).Append(": ").Append(value).Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), .. bytes];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
