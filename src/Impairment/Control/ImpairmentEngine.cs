using Harness.Impairment.Proxying;
using Harness.Impairment.Toxics;
using Harness.Impairment.Udp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harness.Impairment.Control;

/// <summary>
/// The engine façade the HTTP API calls: proxies, toxics, reset and populate with Toxiproxy's semantics. Every
/// call is short (bind, close, publish) and none waits for traffic, so the API cannot hang; host names in listen
/// addresses are resolved by the async forms before any lock (ImpairmentEngine.Resolve.cs).
/// </summary>
public sealed partial class ImpairmentEngine : IAsyncDisposable
{
    private readonly object _gate = new();

    /// <summary>Every proxy by name, TCP and UDP alike; ordinal order is the API's listing order.</summary>
    private readonly SortedDictionary<string, IProxy> _proxies = new(StringComparer.Ordinal);
    private readonly ToxicRegistry _registry;
    private readonly ProxyRuntime _runtime;
    private bool _disposed;

    public ImpairmentEngine(ImpairmentEngineOptions? options = null)
        : this(options ?? new ImpairmentEngineOptions(), DefaultToxics.CreateRegistry()) { }

    internal ImpairmentEngine(ImpairmentEngineOptions options, ToxicRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        _registry = registry;
        var logger = options.LoggerFactory?.CreateLogger("Harness.Impairment") ?? NullLogger.Instance;
        var hosts = options.HostLookup is { } lookup ? new HostResolver(lookup, options.TimeProvider) : new HostResolver();
        _runtime = new ProxyRuntime(options.TimeProvider, options.Seed ?? Random.Shared.NextInt64(), logger, _traffic)
        {
            Hosts = hosts,
            Registry = registry,
        };
    }

    public bool TryGetSchema(string type, out ToxicSchema schema)
    {
        var found = _registry.TryGet(type, out var kind);
        schema = found ? kind.Schema : new ToxicSchema(type, "", []);
        if (!found && UdpToxicKinds.TryGet(type, out var udpKind))
            schema = udpKind.Schema;
        return found;
    }

    public IReadOnlyList<ProxyState> ListProxies()
    {
        lock (_gate)
            return _proxies.Values.Select(p => p.Snapshot()).ToArray();
    }

    public ImpairmentResult<ProxyState> GetProxy(string name)
    {
        lock (_gate)
        {
            return _proxies.TryGetValue(name, out var proxy) ? proxy.Snapshot() : ImpairmentError.ProxyNotFound;
        }
    }

    /// <summary>
    /// What the seed decided per connection of a TCP proxy: toxicity and first draws per connection, direction and
    /// toxic, keyed by accept ordinal; empty for UDP proxies, whose decisions are per datagram.
    /// </summary>
    public ImpairmentResult<IReadOnlyList<LinkDecision>> Decisions(string name)
    {
        lock (_gate)
        {
            return _proxies.TryGetValue(name, out var proxy)
                ? ImpairmentResult<IReadOnlyList<LinkDecision>>.Success(proxy.Decisions())
                : ImpairmentError.ProxyNotFound;
        }
    }

    /// <summary>
    /// Calls <paramref name="listener"/> for each exchange of the TCP proxy <paramref name="name"/> (connections, answered
    /// and abandoned waits) from its next connection on, until the result is disposed. In-process only.
    /// </summary>
    public IDisposable WatchExchanges(string name, Action<Exchanges.ExchangeEvent> listener) => _runtime.Exchanges.Watch(name, listener);

    public ImpairmentResult<ProxyState> CreateProxy(ProxySpec spec)
    {
        if (string.IsNullOrEmpty(spec.Name))
            return ImpairmentError.MissingField("name");
        if (string.IsNullOrEmpty(spec.Upstream))
            return ImpairmentError.MissingField("upstream");
        if (NameRules.Check(spec.Name, "proxy") is { } badName)
            return badName;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_proxies.ContainsKey(spec.Name))
                return ImpairmentError.ProxyExists;
            var proxy = NewProxy(spec);
            if (spec.Enabled && proxy.Start() is { } error)
                return error;
            _proxies.Add(spec.Name, proxy);
            return proxy.Snapshot();
        }
    }

    public ImpairmentResult<ProxyState> UpdateProxy(string name, ProxyPatch patch)
    {
        lock (_gate)
        {
            if (!_proxies.TryGetValue(name, out var proxy))
                return ImpairmentError.ProxyNotFound;
            return ProxyPatching.Apply(proxy, patch);
        }
    }

    public ImpairmentError? DeleteProxy(string name)
    {
        lock (_gate)
        {
            if (!_proxies.Remove(name, out var proxy))
                return ImpairmentError.ProxyNotFound;
            proxy.Stop();
            return null;
        }
    }

    /// <summary>
    /// Re-enables every proxy and removes all toxics; stops at the first proxy that cannot bind. TCP proxies go
    /// first, then UDP ones, each in name order (the order from before both kinds shared one table).
    /// </summary>
    public async Task<ImpairmentError?> ResetAsync(CancellationToken cancellationToken = default)
    {
        var adoptions = new List<Task>();
        ImpairmentError? failure = null;
        lock (_gate)
        {
            foreach (var proxy in _proxies.Values.OrderBy(p => p.Protocol))
            {
                failure = proxy.Start();
                if (failure is not null)
                    break;
                if (proxy.ClearToxics() is { } adoption)
                    adoptions.Add(adoption);
            }
        }
        await AwaitAdoptionAsync(Task.WhenAll(adoptions), cancellationToken).ConfigureAwait(false);
        return failure;
    }

    private IProxy NewProxy(ProxySpec spec) =>
        spec.Protocol == ProxyProtocol.Udp
            ? new UdpProxy(spec.Name, spec.Listen, spec.Upstream, UdpRuntime)
            : new LiveProxy(spec.Name, spec.Listen, spec.Upstream, _runtime);

    public async ValueTask DisposeAsync()
    {
        IProxy[] proxies;
        lock (_gate)
        {
            _disposed = true;
            proxies = [.. _proxies.Values];
            _proxies.Clear();
        }
        foreach (var proxy in proxies)
            proxy.Stop();
        // Sockets are closed above; this only lets the pumps observe it, bounded so disposal cannot hang.
        var drained = Task.WhenAll(proxies.Select(p => p.DrainAsync()));
        await Task.WhenAny(drained, Task.Delay(ImpairmentDefaults.DrainTimeout, _runtime.Time)).ConfigureAwait(false);
    }
}
