using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Proxying;

namespace Harness.Impairment.Udp;

/// <summary>Socket set-up and fire-and-forget sends; a failed UDP send is a lost datagram, never an error.</summary>
internal static class UdpSockets
{
    public static Socket Create(AddressFamily family)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ReceiveBufferSize = UdpDefaults.SocketBufferSize;
            socket.SendBufferSize = UdpDefaults.SocketBufferSize;
        }
        catch (SocketException)
        {
            // The kernel caps buffer sizes; the default is still usable.
        }
        return socket;
    }

    public static void Send(Socket socket, byte[] datagram, Action<int> sent)
    {
        try
        {
            socket.Send(datagram, SocketFlags.None);
            sent(datagram.Length);
        }
        catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex)) { }
    }

    public static void SendTo(Socket socket, byte[] datagram, EndPoint target, Action<int> sent)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, target);
            sent(datagram.Length);
        }
        catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex)) { }
    }

    /// <summary>The upstream's address for a new session (IPv4 preferred, as for TCP dials), from the kept answers.</summary>
    public static async Task<IPEndPoint?> ResolveAsync(string upstream, HostResolver hosts, CancellationToken cancellationToken)
    {
        if (!HostPort.TrySplit(upstream, out var host, out var port, out _))
            return null;
        try
        {
            var addresses = await hosts.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
            return addresses.Length == 0 ? null : new IPEndPoint(addresses[0], port);
        }
        catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
        {
            return null;
        }
    }
}
