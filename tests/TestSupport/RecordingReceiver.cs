using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Harness.TestSupport;

/// <summary>One request as a <see cref="RecordingReceiver"/> read it: method, path (undecoded), headers and the raw body bytes.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A loopback HTTP/1.1 receiver on 127.0.0.1, port 0, that records every request (Content-Length or chunked bodies,
/// byte-exact) and answers each with <see cref="Status"/> after <see cref="Delay"/>, closing the connection.
/// For testing what a client sends: webhooks, Pushgateway pushes, OTLP exports.
/// </summary>
public sealed class RecordingReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Task _accepting;
    private readonly SemaphoreSlim _arrived = new(0);

    public RecordingReceiver()
    {
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public Uri BaseUri =>
        new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/");

    /// <summary>The status every request is answered with; 200 by default.</summary>
    public int Status { get; set; } = 200;

    /// <summary>How long to wait before answering; none by default.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>
    /// Waits until <paramref name="count"/> requests have arrived in all, or <paramref name="bound"/> passed (then false).
    /// </summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (_requests.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                return _requests.Count >= count;
        }
        return true;
    }

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
                var head = Encoding.ASCII.GetString(await ReadHeadAsync(stream)).Split("\r\n");
                var start = head[0].Split(' ');
                var headers = head.Skip(1)
                    .Where(l => l.Contains(':', StringComparison.Ordinal))
                    .GroupBy(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(
                        g => g.Key,
                        g => g.First()[(g.First().IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(),
                        StringComparer.OrdinalIgnoreCase
                    );
                var body =
                    headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase)
                        ? await ReadChunkedAsync(stream)
                        : await ReadExactlyAsync(
                            stream,
                            int.Parse(headers.GetValueOrDefault("Content-Length", "0"), System.Globalization.CultureInfo.InvariantCulture)
                        );
                _requests.Enqueue(new ReceivedRequest(start[0], start.Length > 1 ? start[1] : "", headers, body));
                _arrived.Release();
                if (Delay > TimeSpan.Zero)
                    await Task.Delay(Delay, _stop.Token);
                var response =
                    $"HTTP/1.1 {Status.ToString(System.Globalization.CultureInfo.InvariantCulture)} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or FormatException)
            {
                // the client went away, or we are stopping
            }
        }
    }

    private async Task<byte[]> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
                throw new IOException("closed in the head");
            head.Add(one[0]);
        }
        return [.. head.Take(head.Count - 4)];
    }

    private async Task<byte[]> ReadExactlyAsync(NetworkStream stream, int length)
    {
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return body;
    }

    private async Task<byte[]> ReadChunkedAsync(NetworkStream stream)
    {
        var body = new List<byte>();
        while (true)
        {
            var size = Convert.ToInt32(Encoding.ASCII.GetString(await ReadLineAsync(stream)).Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                await ReadLineAsync(stream);
                return [.. body];
            }
            body.AddRange(await ReadExactlyAsync(stream, size));
            await ReadLineAsync(stream);
        }
    }

    private async Task<byte[]> ReadLineAsync(NetworkStream stream)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (line.Count < 2 || line[^2] != '\r' || line[^1] != '\n')
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
                throw new IOException("closed in a chunk");
            line.Add(one[0]);
        }
        return [.. line.Take(line.Count - 2)];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException) { }
        _stop.Dispose();
        _arrived.Dispose();
    }
}
