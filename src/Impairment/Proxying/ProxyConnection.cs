using System.Net.Sockets;
using System.Threading.Channels;
using Harness.Impairment.Metering;
using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;
using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Proxying;

/// <summary>
/// One accepted client: dials the upstream, then runs two links (upstream, downstream). When a link's stream ends
/// its writer fully closes its destination, which ends the other link's source: half-close is not propagated,
/// exactly as in Toxiproxy. A write failure or <see cref="Close"/> aborts everything at once.
/// </summary>
internal sealed partial class ProxyConnection(ConnectionSetup setup, Socket client) : IConnectionControl
{
    private readonly CancellationTokenSource _abort = new();
    private readonly object _gate = new();
    private readonly ToxicChain[] _chains = [setup.UpstreamChain, setup.DownstreamChain];
    private readonly ToxicLink?[] _links = new ToxicLink?[2];
    private readonly DirectPath?[] _direct = new DirectPath?[2];
    private Socket? _upstream;
    private bool _lingerZero;

    /// <summary>Completes when the link runs the chain; at once if the link does not exist yet (it will start with it).</summary>
    public Task SetChain(Direction direction, ToxicChain chain)
    {
        lock (_gate)
        {
            _chains[(int)direction] = chain;
            ReleaseHoldIfGone();
            return _links[(int)direction]?.SetChain(chain) ?? Task.CompletedTask;
        }
    }

    /// <summary>Bytes a direction forwarded socket to socket, past an empty chain; for tests and diagnostics.</summary>
    public long DirectBytes(Direction direction)
    {
        lock (_gate)
            return _direct[(int)direction]?.DirectBytes ?? 0;
    }

    public async Task RunAsync()
    {
        ImpairmentLog.ClientAccepted(setup.Logger, setup.ProxyName, setup.Id, ClientAddress());
        try
        {
            // Refused at accept, or held by hang until it goes away: either way the upstream is never dialled.
            if (_abort.IsCancellationRequested || await HoldAsync().ConfigureAwait(false))
                return;
            var (upstream, error) = await UpstreamDialer.DialAsync(setup.Upstream, setup.Hosts, _abort.Token).ConfigureAwait(false);
            if (upstream is null)
            {
                ImpairmentLog.UpstreamDialFailed(setup.Logger, setup.ProxyName, setup.Upstream, error ?? "");
                return;
            }
            lock (_gate)
            {
                _upstream = upstream;
                if (_lingerZero)
                    upstream.LingerState = new LingerOption(true, 0);
                if (_abort.IsCancellationRequested)
                    return;
            }
            await PumpAsync(upstream).ConfigureAwait(false);
        }
        finally
        {
            Close();
            ImpairmentLog.ConnectionClosed(setup.Logger, setup.ProxyName, setup.Id);
        }
    }

    public void Close()
    {
        Socket? upstream;
        lock (_gate)
        {
            if (!_abort.IsCancellationRequested)
                _abort.Cancel();
            upstream = _upstream;
        }
        CloseSocket(client);
        if (upstream is not null)
            CloseSocket(upstream);
    }

    public void SetLingerZero()
    {
        lock (_gate)
        {
            _lingerZero = true;
            TrySetLinger(client);
            if (_upstream is not null)
                TrySetLinger(_upstream);
        }
    }

    private async Task PumpAsync(Socket upstream)
    {
        var up = StartLink(Direction.Upstream, client, upstream);
        var down = StartLink(Direction.Downstream, upstream, client);
        await Task.WhenAll(up.Writer, down.Writer).ConfigureAwait(false);
        Close();
        await Task.WhenAll(up.Reader, up.Chain, down.Reader, down.Chain).ConfigureAwait(false);
    }

    private (Task<CopyResult> Reader, Task Chain, Task Writer) StartLink(Direction direction, Socket source, Socket destination)
    {
        var head = LinkSetup.CreateQueue(LinkSetup.DefaultQueueCapacity);
        var tail = LinkSetup.CreateQueue(LinkSetup.DefaultQueueCapacity);
        var seed = LinkSeed.For(setup.Seed, direction);
        var traffic = direction == Direction.Upstream ? setup.UpstreamTraffic : setup.DownstreamTraffic;
        var exchange = setup.Exchange;
        var upstreamBound = direction == Direction.Upstream;
        Action? onSent = !upstreamBound && exchange is not null ? exchange.DeliveredToClient : null;
        ToxicLink link;
        DirectPath direct;
        lock (_gate)
        {
            direct = new DirectPath(destination, traffic, onSent, Close, _chains[(int)direction].Toxics.IsEmpty);
            var linkSetup = new LinkSetup(direction, head.Reader, tail.Writer, this, setup.Time, seed, setup.Logger, _abort.Token)
            {
                ConnectionId = setup.Id,
                Decisions = setup.Decisions,
                Direct = direct,
            };
            link = new ToxicLink(linkSetup, _chains[(int)direction]);
            _links[(int)direction] = link;
            _direct[(int)direction] = direct;
        }
        Action? onRead = upstreamBound && exchange is not null ? exchange.ClientSent : null;
        var reader = SocketPumps.ReadAsync(source, head.Writer, setup.Time, traffic, _abort.Token, onRead, direct);
        if (upstreamBound && exchange is not null)
            reader = ClientEndAsync(reader, exchange);
        var chain = link.RunAsync();
        var writer = WriteThenCloseAsync(direction, tail.Reader, destination, traffic, onSent, direct);
        return (reader, chain, writer);
    }

    private async Task WriteThenCloseAsync(
        Direction direction,
        System.Threading.Channels.ChannelReader<StreamChunk> tail,
        Socket destination,
        TrafficMeter.Counter traffic,
        Action? onSent,
        DirectPath direct
    )
    {
        var exchange = direction == Direction.Downstream ? setup.Exchange : null;
        var result = await SocketPumps.WriteAsync(tail, destination, traffic, _abort.Token, onSent, direct).ConfigureAwait(false);
        // The upstream's end reached the client: whatever the client does next is no abandoned wait.
        if (result == CopyResult.EndOfStream)
            exchange?.UpstreamEnded();
        ImpairmentLog.LinkEnded(setup.Logger, setup.ProxyName, setup.Id, direction, result);
        if (result == CopyResult.EndOfStream)
        {
            // Full close, never a half-close: the other link's reader sees its source end and finishes in turn.
            CloseSocket(destination);
        }
        else
        {
            Close();
        }
    }

    // The client's side ended (FIN or reset) before anything of ours closed it: a wait still open is abandoned.
    private async Task<CopyResult> ClientEndAsync(Task<CopyResult> reader, Exchanges.ExchangeTracker exchange)
    {
        var result = await reader.ConfigureAwait(false);
        if (!_abort.IsCancellationRequested)
            exchange.ClientEnded();
        return result;
    }

    // Disposing a socket that another link still reads from closes it abortively on Linux (the peer sees an RST);
    // shutting it down first gives the FIN Toxiproxy sends. With linger 0 requested, the RST is the point.
    private void CloseSocket(Socket socket)
    {
        if (!Volatile.Read(ref _lingerZero))
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
        }
        socket.Dispose();
    }

    // A connection refused at accept (or closed by a stop right after it) has a disposed socket by now.
    private string ClientAddress()
    {
        try
        {
            return client.RemoteEndPoint?.ToString() ?? "";
        }
        catch (ObjectDisposedException)
        {
            return "";
        }
    }

    private static void TrySetLinger(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (ObjectDisposedException) { }
    }
}
