using System.Net;
using System.Net.Sockets;

namespace Harness.TestSupport;

/// <summary>A loopback TCP echo server on an ephemeral port: every byte received is sent back on the same connection.</summary>
public sealed class EchoServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private readonly Task _accepting;

    public EchoServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>"127.0.0.1:port", the form Toxiproxy's upstream field takes.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] tasks;
        lock (_tasks)
            tasks = [.. _tasks, _accepting];
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_tasks)
                _tasks.Add(EchoAsync(client));
        }
    }

    private async Task EchoAsync(Socket client)
    {
        using var _ = client;
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                    return;
                await client.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException) { }
    }
}
