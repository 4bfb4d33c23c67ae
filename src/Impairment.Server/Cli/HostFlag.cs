using System.Net;
using System.Net.Sockets;

namespace Harness.Impairment.Server.Cli;

/// <summary>
/// The API binds loopback unless told otherwise. Unlike toxiproxy-server, <c>-host ""</c> is refused (Go would bind
/// every interface); every interface takes an explicit <c>-host 0.0.0.0</c> or <c>-host ::</c>, and any address beyond
/// loopback prints a warning on stderr.
/// </summary>
internal static class HostFlag
{
    public const string EmptyError =
        "-host \"\" would bind every interface: give -host 0.0.0.0 (IPv4) or -host :: (IPv6 and IPv4) "
        + "to mean that, or leave -host out for localhost";

    public static bool IsEmpty(string host) => host.Trim().Length == 0;

    /// <summary>The warning for a host beyond loopback, or null; a host that does not resolve is left to start-up to report.</summary>
    public static string? Warning(string host, int port)
    {
        try
        {
            if (IPAddress.IsLoopback(ApiHost.Resolve(host)))
                return null;
        }
        catch (Exception e) when (e is ArgumentException or SocketException)
        {
            return null;
        }
        var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"warning: -host {host}: the API listens beyond loopback on port {portText}; "
            + "anyone who can reach this machine can create proxies and send traffic through them";
    }
}
