using System.Net;
using System.Net.Sockets;

namespace Harness.Impairment.Proxying;

/// <summary>
/// Dials the upstream anew for each client. Names come from the engine's <see cref="HostResolver"/>: resolved once,
/// asynchronously, and refreshed in the background, so a dial never waits on DNS once the name is known.
/// </summary>
internal static class UpstreamDialer
{
    public static async Task<(Socket? Socket, string? Error)> DialAsync(string upstream, HostResolver hosts, CancellationToken abort)
    {
        if (!HostPort.TrySplit(upstream, out var host, out var port, out var error))
            return (null, error);
        IPAddress[] addresses;
        try
        {
            addresses = await hosts.ResolveAsync(host, abort).ConfigureAwait(false);
        }
        catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
        {
            return (null, ex.Message);
        }

        string? last = "no addresses";
        foreach (var address in addresses)
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
                if (abort.IsCancellationRequested)
                    break;
            }
        }
        return (null, last);
    }
}
