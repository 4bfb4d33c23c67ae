using System.Net;
using System.Net.Sockets;

namespace Harness.Impairment.Proxying;

/// <summary>
/// Turns a Toxiproxy <c>listen</c> string into an endpoint. <c>localhost</c> and other names prefer IPv4, so
/// <c>localhost:0</c> binds and reports <c>127.0.0.1:port</c> (clients split the string on ':'). An empty
/// <c>listen</c> or host (<c>""</c>, <c>":0"</c>) binds 127.0.0.1, not every interface as real Toxiproxy does: every
/// interface takes an explicit <c>0.0.0.0</c> or <c>[::]</c>.
/// </summary>
internal static class ListenAddress
{
    public static bool TryResolve(string listen, out IPEndPoint endPoint, out string error)
    {
        endPoint = new IPEndPoint(IPAddress.Loopback, 0);
        if (listen.Length == 0)
            listen = ":0";
        if (!HostPort.TrySplit(listen, out var host, out var port, out error))
            return false;
        if (host.Length == 0)
        {
            endPoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }
        if (IPAddress.TryParse(host, out var literal))
        {
            endPoint = new IPEndPoint(literal, port);
            return true;
        }
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            endPoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }
        // Never a lookup here (callers hold locks): the engine's async calls resolved the name beforehand.
        if (!HostResolver.Listen.TryGetKept(host, out var addresses) || addresses.Length == 0)
            return NoSuchHost(host, out error);
        endPoint = new IPEndPoint(addresses[0], port);
        return true;
    }

    /// <summary>
    /// Resolves the host of every listen address that needs a lookup, asynchronously and before any lock, so that
    /// <see cref="TryResolve"/> finds it. A name that does not resolve is left out (TryResolve then says so).
    /// </summary>
    public static async Task PrepareAsync(IEnumerable<string?> listens, CancellationToken cancellationToken)
    {
        foreach (var listen in listens)
        {
            if (listen is null || !HostPort.TrySplit(listen, out var host, out _, out _))
                continue;
            try
            {
                await HostResolver.Listen.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException) { }
        }
    }

    public static string Format(IPEndPoint endPoint) => HostPort.Join(endPoint.Address.ToString(), endPoint.Port);

    private static bool NoSuchHost(string host, out string error)
    {
        error = $"lookup {host}: no such host";
        return false;
    }
}
