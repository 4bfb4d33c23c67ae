using System.Net.Sockets;
using System.Text;

namespace Impairment.Server.Tests.Hostile;

/// <summary>Connections that send a request head one byte at a time and never finish it, until disposed.</summary>
internal sealed class Slowloris : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _senders = [];

    public Slowloris(Uri api, int connections, TimeSpan interval)
    {
        var head = Encoding.ASCII.GetBytes(
            "POST /proxies HTTP/1.1\r\nHost: slow\r\nContent-Length: 100\r\nX-Slow: " + new string('s', 4000)
        );
        for (var i = 0; i < connections; i++)
            _senders.Add(DripAsync(api, head, interval, _stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_senders);
        _stop.Dispose();
    }

    private static async Task DripAsync(Uri api, byte[] head, TimeSpan interval, CancellationToken stop)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(api.Host, api.Port, stop);
            foreach (var b in head)
            {
                await socket.SendAsync(new[] { b }, SocketFlags.None, stop);
                await Task.Delay(interval, stop);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
            // Stopped by the test, or the server gave up on us: both are fine.
        }
    }
}
