using System.Net;
using System.Net.Sockets;
using Harness.Probes.Abstractions;

namespace Harness.Probes.Internal;

/// <summary>
/// Builds the one SocketsHttpHandler a probe uses. Hosts in <see cref="HostRoutes"/> connect to their mapped
/// endpoint (a proxy) while the request keeps the URL's host for the Host header, SNI and cookies, the way
/// Chromium's --host-resolver-rules does for the browser probe.
/// </summary>
internal static class RoutedHandler
{
    /// <param name="onConnected">Told how long each new TCP connection took, and for which request it was opened.</param>
    /// <param name="onReady">
    /// Told when a new connection is ready for HTTP (after TLS, if any), and for which request it was opened; the
    /// handler calls its plaintext filter at exactly that point, which is how TLS time is measured without
    /// doing the TLS handshake ourselves.
    /// </param>
    public static SocketsHttpHandler Create(
        HostRoutes routes,
        TimeProvider time,
        Action<HttpRequestMessage, TimeSpan>? onConnected = null,
        Action<HttpRequestMessage>? onReady = null
    ) =>
        new()
        {
            // Probes measure the target, not an ambient proxy or redirects followed on their behalf.
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var started = time.GetTimestamp();
                EndPoint target = routes.TryResolve(context.DnsEndPoint.Host, out var routed) ? routed : context.DnsEndPoint;
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
                onConnected?.Invoke(context.InitialRequestMessage, time.GetElapsedTime(started));
                return new NetworkStream(socket, ownsSocket: true);
            },
            PlaintextStreamFilter = (context, _) =>
            {
                onReady?.Invoke(context.InitialRequestMessage);
                return ValueTask.FromResult(context.PlaintextStream);
            },
        };
}
