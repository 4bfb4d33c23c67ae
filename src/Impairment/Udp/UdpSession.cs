using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Proxying;

namespace Harness.Impairment.Udp;

/// <summary>
/// One client address of a UDP proxy: a connected socket towards the upstream, one path per direction and the time
/// of the last datagram either way (for idle expiry). Replies from the upstream go back to the client through the
/// proxy's listening socket, so the client sees them come from the address it sent to.
/// </summary>
internal sealed class UdpSession : IDisposable
{
    private readonly Socket _upstream;
    private readonly CancellationTokenSource _closed = new();
    private long _lastActivityTicks;

    public UdpSession(IPEndPoint client, Socket upstream, DatagramPath toUpstream, DatagramPath toClient, long now)
    {
        Client = client;
        _upstream = upstream;
        ToUpstream = toUpstream;
        ToClient = toClient;
        _lastActivityTicks = now;
    }

    public IPEndPoint Client { get; }

    public DatagramPath ToUpstream { get; }

    public DatagramPath ToClient { get; }

    public long LastActivity => Interlocked.Read(ref _lastActivityTicks);

    public void Touch(long now) => Interlocked.Exchange(ref _lastActivityTicks, now);

    /// <summary>Receives the upstream's replies until the session closes; each one goes through <paramref name="onReply"/>.</summary>
    public async Task ReceiveRepliesAsync(Action<UdpSession, byte[]> onReply)
    {
        var buffer = new byte[UdpDefaults.MaxDatagramSize];
        while (!_closed.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await _upstream.ReceiveAsync(buffer, SocketFlags.None, _closed.Token).ConfigureAwait(false);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
            {
                continue; // ICMP port unreachable from an earlier send: the upstream is not there (yet).
            }
            catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
            {
                return;
            }
            onReply(this, buffer.AsSpan(0, read).ToArray());
        }
    }

    public void Dispose()
    {
        if (!_closed.IsCancellationRequested)
            _closed.Cancel();
        _upstream.Dispose();
        ToUpstream.Dispose();
        ToClient.Dispose();
    }
}
