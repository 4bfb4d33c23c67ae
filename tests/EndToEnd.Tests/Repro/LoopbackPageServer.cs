using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace EndToEnd.Tests.Repro;

/// <summary>
/// A loopback HTTP/1.1 server on port 0 that answers every GET with one status and HTML body (favicon: 404),
/// one request per connection, and remembers each request line's path.
/// </summary>
internal sealed class LoopbackPageServer : LoopbackServer
{
    private readonly Func<int, string> _html;
    private readonly int _status;

    /// <param name="html">The page, given this server's port.</param>
    public LoopbackPageServer(Func<int, string> html, int status = 200)
    {
        (_html, _status) = (html, status);
        Start();
    }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<string> Paths { get; } = new();

    protected override async Task AnswerAsync(NetworkStream stream, IReadOnlyList<string> head, CancellationToken stop)
    {
        var path = head[0].Split(' ')[1];
        Paths.Enqueue(path);
        var (status, body) = path == "/favicon.ico" ? (404, "") : (_status, _html(Port));
        var bytes = Encoding.UTF8.GetBytes(body);
        var response =
            $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Status")}\r\nConnection: close\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n"
            + $"Content-Length: {bytes.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response).Concat(bytes).ToArray(), stop);
    }
}
