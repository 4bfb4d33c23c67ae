using System.Net;
using System.Net.Sockets;

namespace Harness.Impairment.Proxying;

/// <summary>Dials the upstream anew for each client (the address is resolved every time, as in Toxiproxy).</summary>
internal static class UpstreamDialer
{
    public static async Task<(Socket? Socket, string? Error)> DialAsync(string upstream, CancellationToken abort)
    {
        if (!HostPort.TrySplit(upstream, out var host, out var port, out var error)) return (null, error);
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host.Length == 0 ? "localhost" : host, abort).ConfigureAwait(false);
        }
        catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
        {
            return (null, ex.Message);
        }

        string? last = "no addresses";
        foreach (var address in addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1))
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), abort).ConfigureAwait(false);
                return (socket, null);
            }
            catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
            {
                socket.Dispose();
                last = ex.Message;
                if (abort.IsCancellationRequested) break;
            }
        }
        return (null, last);
    }
}
