using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Harness.Repro;

/// <summary>
/// The browser's only way out during a repro: a SOCKS5 server (RFC 1928, CONNECT, no authentication) on a loopback
/// port. Each connection names its destination host:port, so every origin the page uses, including a second port
/// of the same host, is handed to its own impaired proxy (<see cref="OriginProxies"/>). Hosts not allowed are
/// refused with "not allowed by ruleset".
/// </summary>
internal sealed class SocksRouter : IAsyncDisposable
{
    private const byte Version = 5;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly OriginProxies _origins;
    private readonly IReadOnlySet<string> _allowedHosts;
    private readonly Action<string> _progress;
    private readonly HashSet<string> _blocked = new(StringComparer.OrdinalIgnoreCase);
    private readonly Task _accepting;

    public SocksRouter(OriginProxies origins, IEnumerable<string> allowedHosts, Action<string> progress)
    {
        (_origins, _progress) = (origins, progress);
        _allowedHosts = new HashSet<string>(allowedHosts, StringComparer.OrdinalIgnoreCase);
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>The Chromium switches that send every connection, loopback included, through this router.</summary>
    public IReadOnlyList<string> BrowserArgs => [$"--proxy-server=socks5://127.0.0.1:{Endpoint.Port}", "--proxy-bypass-list=<-loopback>"];

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
                _ = ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task ServeAsync(TcpClient browser)
    {
        using (browser)
        {
            try
            {
                var stream = browser.GetStream();
                var destination = await HandshakeAsync(stream, _stop.Token).ConfigureAwait(false);
                if (destination is null)
                    return;
                var (host, port) = destination.Value;
                if (!_allowedHosts.Contains(host))
                {
                    lock (_blocked)
                    {
                        if (_blocked.Add(host))
                            _progress(
                                $"refused the browser's connection to {host}:{port}: not an allowed host "
                                    + $"(--allow-host {host} lets it through)"
                            );
                    }
                    await ReplyAsync(stream, 0x02, _stop.Token).ConfigureAwait(false);
                    return;
                }
                var proxy = await _origins.RouteAsync(host, port, _stop.Token).ConfigureAwait(false);
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(proxy, _stop.Token).ConfigureAwait(false);
                await ReplyAsync(stream, 0x00, _stop.Token).ConfigureAwait(false);
                await SpliceAsync(stream, upstream.GetStream(), _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or OriginUnavailableException)
            {
                if (e is OriginUnavailableException)
                    _progress(e.Message);
            }
        }
    }

    /// <returns>The requested host and port, or null after refusing a request this server does not handle.</returns>
    internal static async Task<(string Host, int Port)?> HandshakeAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = await ReadAsync(stream, 2, cancellationToken).ConfigureAwait(false);
        if (head[0] != Version)
            return null;
        // The offered methods: "no authentication" is always the one taken.
        await ReadAsync(stream, head[1], cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(new byte[] { Version, 0x00 }, cancellationToken).ConfigureAwait(false);
        var request = await ReadAsync(stream, 4, cancellationToken).ConfigureAwait(false);
        if (request[0] != Version || request[1] != 0x01)
        {
            await ReplyAsync(stream, 0x07, cancellationToken).ConfigureAwait(false); // command not supported: CONNECT only
            return null;
        }
        string host;
        switch (request[3])
        {
            case 0x01:
                host = new IPAddress(await ReadAsync(stream, 4, cancellationToken).ConfigureAwait(false)).ToString();
                break;
            case 0x04:
                host = new IPAddress(await ReadAsync(stream, 16, cancellationToken).ConfigureAwait(false)).ToString();
                break;
            case 0x03:
                var length = (await ReadAsync(stream, 1, cancellationToken).ConfigureAwait(false))[0];
                host = Encoding.ASCII.GetString(await ReadAsync(stream, length, cancellationToken).ConfigureAwait(false));
                break;
            default:
                await ReplyAsync(stream, 0x08, cancellationToken).ConfigureAwait(false); // address type not supported
                return null;
        }
        var port = BinaryPrimitives.ReadUInt16BigEndian(await ReadAsync(stream, 2, cancellationToken).ConfigureAwait(false));
        return (host.Trim('[', ']'), port);
    }

    private static Task ReplyAsync(Stream stream, byte status, CancellationToken cancellationToken) =>
        stream.WriteAsync(new byte[] { Version, status, 0x00, 0x01, 0, 0, 0, 0, 0, 0 }, cancellationToken).AsTask();

    private static async Task<byte[]> ReadAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer;
    }

    /// <summary>Copies both ways; when one side finishes sending, the other side is told (half close), and both end together.</summary>
    private static async Task SpliceAsync(NetworkStream browser, NetworkStream proxy, CancellationToken cancellationToken)
    {
        static async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
        {
            try
            {
                await from.CopyToAsync(to, cancellationToken).ConfigureAwait(false);
                to.Socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                from.Socket.Close(0);
                to.Socket.Close(0);
            }
        }
        await Task.WhenAll(PumpAsync(browser, proxy, cancellationToken), PumpAsync(proxy, browser, cancellationToken))
            .ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }
}
