using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Proxying;

/// <summary>
/// A bound TCP listener and its accept loop. Binding is synchronous so the API can answer 500 with the OS text;
/// accepting never dials (connections dial on their own tasks), so a slow upstream delays nobody else.
/// </summary>
internal sealed class ProxyListener : IDisposable
{
    /// <summary>Toxiproxy's (Go asks for the kernel's somaxconn, 4,096 by default); the kernel caps it at somaxconn.</summary>
    public const int Backlog = 4096;

    private readonly Socket _socket;

    private ProxyListener(Socket socket, IPEndPoint bound)
    {
        _socket = socket;
        Bound = bound;
    }

    public IPEndPoint Bound { get; }

    public static (ProxyListener? Listener, string? Error) Bind(IPEndPoint endPoint) => Bind(endPoint, listen: true);

    private static (ProxyListener? Listener, string? Error) Bind(IPEndPoint endPoint, bool listen)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endPoint.AddressFamily == AddressFamily.InterNetworkV6 && endPoint.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }
            socket.Bind(endPoint);
            if (listen)
                socket.Listen(Backlog);
            return (new ProxyListener(socket, (IPEndPoint)socket.LocalEndPoint!), null);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            return (null, $"listen tcp {ListenAddress.Format(endPoint)}: bind: {BindReason(ex)}");
        }
    }

    /// <summary>
    /// Whether <paramref name="endPoint"/> can be bound now: binds a throw-away socket and closes it. Null when it
    /// can, else the error <see cref="Bind"/> would give. Lets an update refuse a busy address before it stops anything.
    /// </summary>
    public static string? Probe(IPEndPoint endPoint)
    {
        var (listener, error) = Bind(endPoint, listen: false);
        listener?.Dispose();
        return error;
    }

    public async Task AcceptLoopAsync(Action<Socket> onAccepted, ILogger logger, string proxyName)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
            {
                if (SocketErrorClassifier.Classify(ex) != CopyResult.Aborted)
                    ImpairmentLog.AcceptFailed(logger, proxyName, ex);
                return;
            }
            client.NoDelay = true;
            onAccepted(client);
        }
    }

    public void Dispose() => _socket.Dispose();

    private static string BindReason(SocketException ex) =>
        ex.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "address already in use",
            SocketError.AddressNotAvailable => "cannot assign requested address",
            SocketError.AccessDenied => "permission denied",
            _ => ex.Message,
        };
}
