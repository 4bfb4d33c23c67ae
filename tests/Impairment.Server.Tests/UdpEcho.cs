using System.Net;
using System.Net.Sockets;

namespace Impairment.Server.Tests;

/// <summary>A loopback UDP echo server on an ephemeral port: every datagram goes back to its sender.</summary>
internal sealed class UdpEcho : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public UdpEcho()
    {
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = EchoAsync();
    }

    public string Address => ((IPEndPoint)_socket.LocalEndPoint!).ToString();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task EchoAsync()
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                await _socket.SendToAsync(
                    buffer.AsMemory(0, received.ReceivedBytes),
                    SocketFlags.None,
                    received.RemoteEndPoint,
                    _stop.Token
                );
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException) { }
    }
}
