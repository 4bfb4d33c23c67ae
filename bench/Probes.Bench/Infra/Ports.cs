using System.Net;
using System.Net.Sockets;

namespace Harness.Probes.Bench.Infra;

internal static class Ports
{
    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static IPEndPoint Loopback(Uri uri) => new(IPAddress.Loopback, uri.Port);

    public static IPEndPoint Parse(string hostPort) => IPEndPoint.Parse(hostPort);
}
