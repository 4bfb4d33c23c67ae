using System.Net.Sockets;
using Harness.Impairment.Decisions;

namespace Harness.Impairment.Proxying;

/// <summary>
/// A named proxy: configuration, its toxics and, while enabled, a listener and its connections. Every toxic
/// change publishes the new chain to live connections without waiting for them.
/// </summary>
internal sealed partial class LiveProxy(string name, string listen, string upstream, ProxyRuntime runtime) : IProxy
{
    private readonly object _gate = new();
    private readonly HashSet<ProxyConnection> _connections = [];
    private readonly HashSet<Task> _running = [];
    private readonly ToxicCollection _toxics = new();
    private readonly long _seed = StableHash.Mix(runtime.Seed, name);
    private readonly DecisionLog _decisions = new();
    private ProxyListener? _listener;
    private long _accepted;

    public string Name { get; } = name;

    public string Listen { get; private set; } = listen;

    public string Upstream { get; private set; } = upstream;

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
                return ImpairmentError.Os($"listen tcp: {error}");
            var (listener, bindError) = ProxyListener.Bind(endPoint);
            if (listener is null)
                return ImpairmentError.Os(bindError!);
            _listener = listener;
            Listen = ListenAddress.Format(listener.Bound);
            Track(listener.AcceptLoopAsync(OnAccepted, runtime.Logger, Name));
            ImpairmentLog.ProxyStarted(runtime.Logger, Name, Listen, Upstream);
            return null;
        }
    }

    public ImpairmentError? ProbeBind(System.Net.IPEndPoint endPoint) =>
        ProxyListener.Probe(endPoint) is { } error ? ImpairmentError.Os(error) : null;

    public void Stop()
    {
        ProxyConnection[] connections;
        lock (_gate)
        {
            if (_listener is null)
                return;
            _listener.Dispose();
            _listener = null;
            connections = [.. _connections];
            _connections.Clear();
        }
        foreach (var connection in connections)
            connection.Close();
        ImpairmentLog.ProxyStopped(runtime.Logger, Name);
    }

    /// <summary>Stores new addresses; the caller stops the proxy first (changing them restarts it).</summary>
    public void Reconfigure(string newListen, string newUpstream)
    {
        lock (_gate)
        {
            Listen = newListen;
            Upstream = newUpstream;
        }
    }

    public ProxyState Snapshot()
    {
        lock (_gate)
            return new ProxyState(Name, Listen, Upstream, _listener is not null, _toxics.All.Select(t => t.State).ToArray());
    }

    /// <summary>Per-connection toxicity decisions and first draws, by accept ordinal (see <see cref="LinkDecision"/>).</summary>
    public IReadOnlyList<LinkDecision> Decisions() => _decisions.Snapshot();

    public IReadOnlyList<ToxicState> ListToxics()
    {
        lock (_gate)
            return _toxics.All.Select(t => t.State).ToArray();
    }

    public ToxicInstance? FindToxic(string toxicName)
    {
        lock (_gate)
            return _toxics.Find(toxicName);
    }

    public long NextToxicId()
    {
        lock (_gate)
            return _toxics.NextId();
    }

    /// <summary>
    /// Adds, replaces or removes under one lock with the name check, then publishes the chain. Returns null when
    /// nothing changed, else a task that completes once every live link runs the new chain.
    /// </summary>
    public Task? TryChange(Func<ToxicCollection, Direction?> change)
    {
        lock (_gate)
        {
            var direction = change(_toxics);
            if (direction is null)
                return null;
            var chain = _toxics.Chain(direction.Value);
            return Task.WhenAll(_connections.Select(c => c.SetChain(direction.Value, chain)).ToArray());
        }
    }

    public Task DrainAsync()
    {
        lock (_gate)
            return Task.WhenAll(_running.ToArray());
    }

    private void OnAccepted(Socket client)
    {
        ProxyConnection connection;
        lock (_gate)
        {
            if (_listener is null)
            {
                client.Dispose();
                return;
            }
            var id = ++_accepted;
            var setup = new ConnectionSetup(
                Name,
                id,
                Upstream,
                _toxics.Chain(Direction.Upstream),
                _toxics.Chain(Direction.Downstream),
                StableHash.Mix(_seed, id),
                runtime.Time,
                runtime.Logger,
                runtime.Traffic.For(Name, DirectionNames.Upstream, Listen, Upstream),
                runtime.Traffic.For(Name, DirectionNames.Downstream, Listen, Upstream)
            )
            {
                Decisions = _decisions,
                Exchange = runtime.Exchanges.Track(Name, runtime.Time),
                Hosts = runtime.Hosts,
            };
            connection = new ProxyConnection(setup, client);
            _connections.Add(connection);
            connection.HoldFor(ConnectionAdmission.Admit(_toxics.All, setup.Seed, connection));
        }
        Track(RunConnectionAsync(connection));
    }

    private async Task RunConnectionAsync(ProxyConnection connection)
    {
        await Task.Yield();
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
                _connections.Remove(connection);
        }
    }

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
