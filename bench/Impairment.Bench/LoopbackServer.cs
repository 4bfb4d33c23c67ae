using System.Net;
using System.Net.Sockets;

namespace Harness.Impairment.Bench;

/// <summary>A TCP server on 127.0.0.1 (ephemeral port) running <c>handle</c> for every accepted socket.</summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Func<Socket, Task> _handle;
    private readonly List<Socket> _accepted = [];
    private int _count;

    public LoopbackServer(Func<Socket, Task> handle)
    {
        _handle = handle;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16384);
        Address = _listener.LocalEndPoint!.ToString()!;
        _ = AcceptLoopAsync();
    }

    public string Address { get; }

    public int Accepted => Volatile.Read(ref _count);

    /// <summary>Echoes every byte back.</summary>
    public static LoopbackServer Echo() =>
        new(async socket =>
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        });

    public void Dispose()
    {
        _listener.Dispose();
        lock (_accepted)
        {
            foreach (var socket in _accepted)
                socket.Dispose();
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }
            socket.NoDelay = true;
            lock (_accepted)
                _accepted.Add(socket);
            Interlocked.Increment(ref _count);
            _ = RunAsync(socket);
        }
    }

    private async Task RunAsync(Socket socket)
    {
        try
        {
            await _handle(socket);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException) { }
    }
}
