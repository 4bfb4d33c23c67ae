using System.Net;
using System.Net.Sockets;

namespace Harness.TestSupport;

/// <summary>
/// A loopback TCP forwarder on a fixed ephemeral port whose target can change and whose connections can all be
/// reset at once: clients keep one address while the server behind it restarts on a new port, or drop together
/// as in a load-balancer flip.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _open = [];
    private readonly Task _accepting;
    private volatile IPEndPoint _target;

    public TcpForwarder(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Where new connections go from now on; open ones are not moved.</summary>
    public IPEndPoint Target
    {
        get => _target;
        set => _target = value;
    }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted { get; private set; }

    /// <summary>Resets (RST) every open connection, both the client side and the upstream side.</summary>
    public void ResetAll()
    {
        lock (_open)
        {
            foreach (var socket in _open)
                Reset(socket);
            _open.Clear();
        }
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token);
                Accepted++;
                _ = ForwardAsync(client);
            }
        }
        catch (Exception ex)
            when (ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // stopped
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
        lock (_open)
            _open.AddRange([client, upstream]);
        try
        {
            await upstream.ConnectAsync(_target, _stop.Token);
            await Task.WhenAny(PumpAsync(client, upstream), PumpAsync(upstream, client));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // target down, reset, or stopped
        }
        Reset(client);
        Reset(upstream);
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, _stop.Token)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // one side went away
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0); // close with RST instead of FIN
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // not connected (yet) or already closed
        }
        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        ResetAll();
        _stop.Dispose();
    }
}
