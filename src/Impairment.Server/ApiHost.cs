using System.Net;
using System.Net.Sockets;

namespace Harness.Impairment.Server;

/// <summary>The API's bind address: like Go, <c>localhost</c> binds 127.0.0.1 only and names prefer IPv4.</summary>
internal static class ApiHost
{
    public static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            return literal;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return IPAddress.Loopback;
        var addresses = Dns.GetHostAddresses(host);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"Host '{host}' does not resolve.", nameof(host));
    }
}
