using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Proxying;

namespace Harness.Impairment.Udp;

/// <summary>
/// A named UDP proxy: while enabled, one listening socket and a session per client address. Each datagram runs
/// through its direction's toxics (<see cref="UdpToxicSet"/>) and is sent when they say. Toxic changes apply to
/// the next datagram of every session.
/// </summary>
internal sealed partial class UdpProxy(string name, string listen, string upstream, UdpRuntime runtime) : IProxy
{
    private readonly object _gate = new();
    private readonly Dictionary<IPEndPoint, UdpSession> _sessions = [];
    private readonly HashSet<Task> _running = [];
    private readonly long _seed = StableHash.Mix(runtime.Seed, "udp:" + name);
    private Socket? _listener;
    private CancellationTokenSource? _stop;
    private ITimer? _sweeper;
    private long _sessionCount;

    public string Name { get; } = name;

    public string Listen { get; private set; } = listen;

    public string Upstream { get; private set; } = upstream;

    public UdpToxicSet Toxics { get; } = new();

    public bool Enabled
    {
        get
        {
            lock (_gate)
                return _listener is not null;
        }
    }

    public ImpairmentError? Start()
    {
        lock (_gate)
        {
            if (_listener is not null)
                return null;
            if (!ListenAddress.TryResolve(Listen, out var endPoint, out var error))
                return ImpairmentError.Os($"listen udp: {error}");
            var (socket, bindError) = Bind(endPoint);
            if (socket is null)
                return bindError;
            _listener = socket;
            _stop = new CancellationTokenSource();
            Listen = ListenAddress.Format((IPEndPoint)socket.LocalEndPoint!);
            var counters = new UdpCounters(runtime.Traffic, Name, Listen, Upstream);
            Track(ReceiveLoopAsync(socket, counters, _stop.Token));
            var sweep = UdpDefaults.SessionIdleTimeout / 2;
            _sweeper = runtime.Time.CreateTimer(_ => ExpireIdleSessions(), null, sweep, sweep);
            ImpairmentLog.ProxyStarted(runtime.Logger, Name, Listen, Upstream);
            return null;
        }
    }

    public ImpairmentError? ProbeBind(IPEndPoint endPoint)
    {
        var (socket, error) = Bind(endPoint);
        socket?.Dispose();
        return error;
    }

    public void Stop()
    {
        UdpSession[] sessions;
        lock (_gate)
        {
            if (_listener is null)
                return;
            _stop!.Cancel();
            _listener.Dispose();
            _listener = null;
            _sweeper?.Dispose();
            _sweeper = null;
            sessions = [.. _sessions.Values];
            _sessions.Clear();
        }
        foreach (var session in sessions)
            session.Dispose();
        ImpairmentLog.ProxyStopped(runtime.Logger, Name);
    }

    /// <summary>Stores new addresses; the caller stops the proxy first.</summary>
    public void Reconfigure(string newListen, string newUpstream)
    {
        lock (_gate)
        {
            Listen = newListen;
            Upstream = newUpstream;
        }
    }

    private static (Socket? Socket, ImpairmentError? Error) Bind(IPEndPoint endPoint)
    {
        var socket = UdpSockets.Create(endPoint.AddressFamily);
        try
        {
            if (endPoint.Address.Equals(IPAddress.IPv6Any))
                socket.DualMode = true;
            socket.Bind(endPoint);
            return (socket, null);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            var reason = ex.SocketErrorCode == SocketError.AddressAlreadyInUse ? "address already in use" : ex.Message;
            return (null, ImpairmentError.Os($"listen udp {ListenAddress.Format(endPoint)}: bind: {reason}"));
        }
    }

    public ProxyState Snapshot()
    {
        lock (_gate)
            return new ProxyState(Name, Listen, Upstream, _listener is not null, Toxics.States()) { Protocol = ProxyProtocol.Udp };
    }

    public Task DrainAsync()
    {
        lock (_gate)
            return Task.WhenAll(_running.ToArray());
    }

    private async Task ReceiveLoopAsync(Socket listener, UdpCounters counters, CancellationToken stop)
    {
        var buffer = new byte[UdpDefaults.MaxDatagramSize];
        EndPoint any = new IPEndPoint(listener.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await listener.ReceiveFromAsync(buffer, SocketFlags.None, any, stop).ConfigureAwait(false);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
            {
                continue;
            }
            catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
            {
                return;
            }
            var datagram = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            counters.Upstream.AddReceived(datagram.Length);
            var session = await SessionForAsync(listener, (IPEndPoint)received.RemoteEndPoint, counters, stop).ConfigureAwait(false);
            if (session is null)
                continue;
            var now = runtime.Time.GetUtcNow();
            session.Touch(now.UtcTicks);
            session.ToUpstream.Forward(datagram, Toxics.Chain(Direction.Upstream), now);
        }
    }

    private async Task<UdpSession?> SessionForAsync(Socket listener, IPEndPoint client, UdpCounters counters, CancellationToken stop)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(client, out var existing))
                return existing;
        }
        var target = await UdpSockets.ResolveAsync(Upstream, runtime.Hosts, stop).ConfigureAwait(false);
        if (target is null)
        {
            ImpairmentLog.UpstreamDialFailed(runtime.Logger, Name, Upstream, "cannot resolve");
            return null;
        }
        var socket = UdpSockets.Create(target.AddressFamily);
        try
        {
            socket.Connect(target);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            ImpairmentLog.UpstreamDialFailed(runtime.Logger, Name, Upstream, ex.Message);
            return null;
        }
        lock (_gate)
        {
            if (_listener != listener)
            {
                socket.Dispose();
                return null;
            }
            var seed = StableHash.Mix(_seed, ++_sessionCount);
            var toUpstream = new DatagramPath(
                SeededRandom(seed, Direction.Upstream),
                new DatagramScheduler(runtime.Time, d => UdpSockets.Send(socket, d, counters.Upstream.AddSent))
            );
            var toClient = new DatagramPath(
                SeededRandom(seed, Direction.Downstream),
                new DatagramScheduler(runtime.Time, d => UdpSockets.SendTo(listener, d, client, counters.Downstream.AddSent))
            );
            var session = new UdpSession(client, socket, toUpstream, toClient, runtime.Time.GetUtcNow().UtcTicks);
            _sessions[client] = session;
            Track(session.ReceiveRepliesAsync((s, reply) => OnReply(s, reply, counters)));
            return session;
        }
    }

    private void OnReply(UdpSession session, byte[] reply, UdpCounters counters)
    {
        counters.Downstream.AddReceived(reply.Length);
        var now = runtime.Time.GetUtcNow();
        session.Touch(now.UtcTicks);
        session.ToClient.Forward(reply, Toxics.Chain(Direction.Downstream), now);
    }

    private void ExpireIdleSessions()
    {
        var cutoff = (runtime.Time.GetUtcNow() - UdpDefaults.SessionIdleTimeout).UtcTicks;
        List<UdpSession> idle;
        lock (_gate)
        {
            idle = _sessions.Values.Where(s => s.LastActivity < cutoff).ToList();
            foreach (var session in idle)
                _sessions.Remove(session.Client);
        }
        foreach (var session in idle)
            session.Dispose();
    }

    private static Random SeededRandom(long sessionSeed, Direction direction) =>
        new(unchecked((int)StableHash.Mix(sessionSeed, (long)direction)));

    private void Track(Task task)
    {
        lock (_gate)
            _running.Add(task);
        task.ContinueWith(
            t =>
            {
                lock (_gate)
                    _running.Remove(t);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default
        );
    }
}
