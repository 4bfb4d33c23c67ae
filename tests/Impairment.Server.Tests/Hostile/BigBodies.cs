using System.Net.Sockets;
using System.Text;

namespace Impairment.Server.Tests.Hostile;

/// <summary>Uploads far larger than any definition, declared (Content-Length) or not (chunked), sent concurrently.</summary>
internal static class BigBodies
{
    public const int Size = 29 * 1024 * 1024;

    /// <summary>Sends each body until the server answers or stops reading; returns the status lines received.</summary>
    public static async Task<string[]> SendAsync(Uri api, int count)
    {
        return await Task.WhenAll(Enumerable.Range(0, count).Select(i => OneAsync(api, chunked: i % 2 == 1)));
    }

    private static async Task<string> OneAsync(Uri api, bool chunked)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(api.Host, api.Port, timeout.Token);
        var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {Size}";
        await socket.SendAsync(
            Encoding.ASCII.GetBytes($"POST /populate HTTP/1.1\r\nHost: big\r\n{framing}\r\n\r\n"),
            SocketFlags.None,
            timeout.Token
        );
        var block = new byte[64 * 1024];
        Array.Fill(block, (byte)' ');
        var frame = chunked ? [.. Encoding.ASCII.GetBytes($"{block.Length:x}\r\n"), .. block, .. "\r\n"u8.ToArray()] : block;
        try
        {
            for (var sent = 0; sent < Size; sent += block.Length)
                await socket.SendAsync(frame, SocketFlags.None, timeout.Token);
        }
        catch (SocketException)
        {
            // The server answered and closed before the body was done: what a limit should do.
        }
        var answer = new byte[512];
        try
        {
            var read = await socket.ReceiveAsync(answer, SocketFlags.None, timeout.Token);
            return Encoding.ASCII.GetString(answer, 0, read).Split("\r\n")[0];
        }
        catch (SocketException ex)
        {
            return "reset: " + ex.SocketErrorCode;
        }
    }
}
