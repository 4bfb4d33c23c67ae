using System.Net;
using System.Net.Sockets;

namespace Harness.TestSupport;

/// <summary>A loopback port that was just free: bound to learn a number, then released, so connecting to it is refused.</summary>
public static class UnusedPort
{
    public static int Find()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
