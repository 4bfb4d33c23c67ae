using System.Net;
using System.Net.Sockets;

namespace Harness.TestSupport;

/// <summary>How a <see cref="TcpFaultServer"/> treats each accepted connection.</summary>
public enum TcpFault
{
    /// <summary>Accepts, then resets the connection (RST) as soon as the client has sent something.</summary>
    Reset,

    /// <summary>Accepts and reads, but never answers and never closes.</summary>
    Stall,
}

/// <summary>
/// A raw loopback TCP server on an ephemeral port that misbehaves on purpose, for testing that clients turn
/// resets and stalls into results rather than exceptions or hangs.
/// </summary>
public sealed class TcpFaultServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _held = [];
    private readonly Task _accepting;

    public TcpFaultServer(TcpFault fault)
    {
        _listener.Start();
        _accepting = AcceptLoopAsync(fault);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public int Port => EndPoint.Port;

    /// <summary>Connections accepted so far.</summary>
    public int Accepted
    {
        get
        {
            lock (_held)
                return _held.Count;
        }
    }

    private async Task AcceptLoopAsync(TcpFault fault)
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_held)
                    _held.Add(socket);
                _ = HandleAsync(socket, fault);
            }
        }
        catch (Exception ex)
            when (ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // stopped (InvalidOperationException: the listener was stopped before the next accept began)
        }
    }

    private async Task HandleAsync(Socket socket, TcpFault fault)
    {
        var buffer = new byte[4096];
        try
        {
            if (await socket.ReceiveAsync(buffer, _stop.Token) == 0)
                return;
            if (fault == TcpFault.Reset)
            {
                socket.LingerState = new LingerOption(true, 0); // close with RST instead of FIN
                socket.Close();
                return;
            }
            while (await socket.ReceiveAsync(buffer, _stop.Token) > 0) { }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped or client gone
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_held)
        {
            foreach (var socket in _held)
                socket.Dispose();
        }
        _stop.Dispose();
    }
}
