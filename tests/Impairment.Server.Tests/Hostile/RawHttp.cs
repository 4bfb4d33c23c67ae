using System.Net.Sockets;
using System.Text;

namespace Impairment.Server.Tests.Hostile;

/// <summary>HTTP/1.1 over a bare socket, for requests HttpClient will not send (bad bytes, half-closes, bad chunks).</summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> and reads until the server closes or <paramref name="timeout"/> passes.</summary>
    /// <param name="splitAt">When set, the bytes before it go first and the rest 100 ms later (two TCP segments).</param>
    public static async Task<string> ExchangeAsync(
        Uri api,
        byte[] request,
        bool halfClose = false,
        TimeSpan? timeout = null,
        int? splitAt = null
    ) => (await ExchangeUntilCloseAsync(api, request, halfClose, timeout, splitAt)).Response;

    /// <summary>Like <see cref="ExchangeAsync"/>; <c>Closed</c> is true when the server ended the connection (not the timeout).</summary>
    public static async Task<(string Response, bool Closed)> ExchangeUntilCloseAsync(
        Uri api,
        byte[] request,
        bool halfClose = false,
        TimeSpan? timeout = null,
        int? splitAt = null
    )
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(api.Host, api.Port, cancel.Token);
        var split = splitAt ?? request.Length;
        await socket.SendAsync(request.AsMemory(0, split), SocketFlags.None, cancel.Token);
        if (split < request.Length)
        {
            await Task.Delay(100, cancel.Token);
            await socket.SendAsync(request.AsMemory(split), SocketFlags.None, cancel.Token);
        }
        if (halfClose)
            socket.Shutdown(SocketShutdown.Send);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        var closed = false;
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
                closed = read == 0;
                if (closed)
                    break;
                received.Write(buffer, 0, read);
                if (IsComplete(received.ToArray()))
                    break;
            }
        }
        catch (SocketException)
        {
            closed = true;
        }
        catch (OperationCanceledException)
        {
            // Whatever arrived is the answer; an empty string is what the test asserts against.
        }
        return (Encoding.UTF8.GetString(received.ToArray()), closed);
    }

    public static byte[] Request(string method, string path, byte[]? body, params string[] headers)
    {
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: toxiproxy\r\nConnection: close\r\n");
        foreach (var header in headers)
            head.Append(header).Append("\r\n");
        if (body is not null && !headers.Any(h => h.StartsWith("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body ?? []];
    }

    public static int Status(string response) =>
        response.StartsWith("HTTP/1.1 ", StringComparison.Ordinal)
            ? int.Parse(response.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    public static string Body(string response) => response.Split("\r\n\r\n", 2) is [_, var body] ? body : "";

    private static bool IsComplete(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
            return false;
        var length = text[..end]
            .Split("\r\n")
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => (int?)int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return length is { } n && bytes.Length - Encoding.UTF8.GetByteCount(text[..(end + 4)]) >= n;
    }
}
