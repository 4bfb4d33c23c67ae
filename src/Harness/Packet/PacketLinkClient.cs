using System.Globalization;
using Harness.Impairment.Packet.Namespaces;
using Harness.Toxiproxy.Client;

namespace Harness.Packet;

/// <summary>
/// The Toxiproxy API as packet mode answers it, so the runner's stages (profiles, phases, flaps, ramps) drive
/// the packet links unchanged: a "proxy" is a link to a service in the server namespace (its listen address is
/// the service's own address there, the link's server-side end, so probes connect across that link) and its toxics
/// become that link's per-direction packet impairments. Nothing is listening in between.
/// </summary>
/// <param name="linkOf">Which of the network's links each proxy (by its name on this API) is; a name not here is refused.</param>
internal sealed class PacketLinkClient(PacketNetwork network, IReadOnlyDictionary<string, int> linkOf) : IToxiproxyClient
{
    public const string Version = "packet-mode";
    private readonly object _gate = new();
    private readonly Dictionary<string, ProxyState> _proxies = new(StringComparer.Ordinal);

    public Uri BaseAddress { get; } = new($"packet://{network.Names.Namespace}/");

    public Task<string> GetVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult(Version);

    public Task<IReadOnlyDictionary<string, ProxyInfo>> GetProxiesAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyDictionary<string, ProxyInfo>>(_proxies.ToDictionary(p => p.Key, p => p.Value.Info(p.Key)));
    }

    public Task<ProxyInfo> CreateProxyAsync(ProxyDefinition proxy, CancellationToken cancellationToken = default)
    {
        var colon = proxy.Upstream.LastIndexOf(':');
        if (colon < 0 || proxy.Upstream[..colon] != "127.0.0.1")
        {
            throw Refused(400, $"packet mode links only to a launched service, not {proxy.Upstream}", "create proxy");
        }
        if (!linkOf.TryGetValue(proxy.Name, out var index))
            throw Refused(400, $"packet mode has no link for proxy {proxy.Name}", "create proxy");
        var address = string.Create(CultureInfo.InvariantCulture, $"{network.Links[index].Addresses.Inner}{proxy.Upstream[colon..]}");
        lock (_gate)
        {
            if (_proxies.ContainsKey(proxy.Name))
                throw Refused(409, $"proxy {proxy.Name} already exists", "create proxy");
            _proxies[proxy.Name] = new ProxyState(address, index) { Enabled = proxy.Enabled };
            Apply();
            return Task.FromResult(_proxies[proxy.Name].Info(proxy.Name));
        }
    }

    public Task<ProxyInfo> GetProxyAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(Find(name, "get proxy").Info(name));
    }

    public Task<ProxyInfo> UpdateProxyAsync(string name, ProxyUpdate update, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var proxy = Find(name, "update proxy");
            if (update.Listen is not null || update.Upstream is not null)
                throw Refused(400, "packet mode cannot move its link", "update proxy");
            if (update.Enabled is { } enabled)
                proxy.Enabled = enabled;
            Apply();
            return Task.FromResult(proxy.Info(name));
        }
    }

    public Task DeleteProxyAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Find(name, "delete proxy");
            _proxies.Remove(name);
            Apply();
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ToxicInfo>> GetToxicsAsync(string proxy, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ToxicInfo>>(Find(proxy, "get toxics").Toxics.ToList());
    }

    public Task<ToxicInfo> AddToxicAsync(string proxy, ToxicDefinition toxic, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var state = Find(proxy, "add toxic");
            var name = toxic.Name ?? $"{toxic.Type}_{toxic.Stream.ToString().ToLowerInvariant()}";
            if (state.Toxics.Any(t => t.Name == name))
                throw Refused(409, $"toxic {name} already exists", "add toxic");
            if (toxic.Toxicity != 1)
                throw Refused(400, "packet mode applies a toxic to every packet (toxicity 1)", "add toxic");
            var info = new ToxicInfo(name, toxic.Type, toxic.Stream, toxic.Toxicity, toxic.Attributes);
            state.Toxics.Add(info);
            ApplyOrUndo(() => state.Toxics.Remove(info), "add toxic");
            return Task.FromResult(info);
        }
    }

    public Task<ToxicInfo> GetToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(FindToxic(Find(proxy, "get toxic"), toxic));
    }

    public Task<ToxicInfo> UpdateToxicAsync(string proxy, string toxic, ToxicUpdate update, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var state = Find(proxy, "update toxic");
            var old = FindToxic(state, toxic);
            var attributes = old.Attributes.ToDictionary(StringComparer.Ordinal);
            foreach (var (key, value) in update.Attributes ?? new Dictionary<string, long>())
                attributes[key] = value;
            var updated = old with { Attributes = attributes, Toxicity = update.Toxicity ?? old.Toxicity };
            var index = state.Toxics.IndexOf(old);
            state.Toxics[index] = updated;
            ApplyOrUndo(() => state.Toxics[index] = old, "update toxic");
            return Task.FromResult(updated);
        }
    }

    public Task DeleteToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var state = Find(proxy, "delete toxic");
            state.Toxics.Remove(FindToxic(state, toxic));
            Apply();
        }
        return Task.CompletedTask;
    }

    public Task ResetAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var state in _proxies.Values)
            {
                state.Toxics.Clear();
                state.Enabled = true;
            }
            Apply();
        }
        return Task.CompletedTask;
    }

    /// <summary>Resets every TCP connection crossing the proxy's own link (and the client namespace's): RSTs to both ends.</summary>
    public Task<int> ResetConnectionsAsync(string proxy, CancellationToken cancellationToken = default)
    {
        int link;
        lock (_gate)
            link = Find(proxy, "reset connections").Link;
        return Task.FromResult(network.ResetConnections(link));
    }

    public async Task<IReadOnlyList<ProxyInfo>> PopulateAsync(
        IEnumerable<ProxyDefinition> proxies,
        CancellationToken cancellationToken = default
    )
    {
        var created = new List<ProxyInfo>();
        foreach (var proxy in proxies)
            created.Add(await CreateProxyAsync(proxy, cancellationToken).ConfigureAwait(false));
        return created;
    }

    private void ApplyOrUndo(Action undo, string operation)
    {
        try
        {
            Apply();
        }
        catch (ArgumentException e)
        {
            undo();
            Apply();
            throw Refused(400, e.Message, operation);
        }
    }

    // Each link: its proxy's toxics and state decide both directions; a link without a proxy is clean. Every link's settings
    // are checked before any is set. The client namespace's link (if any; the loader allows it with one link only) gets the
    // first link's impairments: the same network, met by a client of its own.
    private void Apply()
    {
        var settings = network
            .Links.Select(link =>
            {
                var state = _proxies.Values.FirstOrDefault(p => p.Link == link.Index);
                var toxics = state?.Toxics ?? [];
                var up = PacketSettingsMapper.For(ToxicStream.Upstream, toxics, state?.Enabled ?? true);
                var down = PacketSettingsMapper.For(ToxicStream.Downstream, toxics, state?.Enabled ?? true);
                return (Link: link, Up: up, Down: down);
            })
            .ToList();
        if (settings.SelectMany(s => s.Up.Validate().Concat(s.Down.Validate())).FirstOrDefault() is { } error)
            throw new ArgumentException(error);
        foreach (var (link, up, down) in settings)
        {
            link.Upstream.Settings = up;
            link.Downstream.Settings = down;
        }
        if (network.Client is { } client)
        {
            client.Upstream.Settings = settings[0].Up;
            client.Downstream.Settings = settings[0].Down;
        }
    }

    private ProxyState Find(string name, string operation) =>
        _proxies.TryGetValue(name, out var state) ? state : throw Refused(404, $"proxy {name} not found", operation);

    private static ToxicInfo FindToxic(ProxyState state, string name) =>
        state.Toxics.FirstOrDefault(t => t.Name == name) ?? throw Refused(404, $"toxic {name} not found", "toxic");

    private static ToxiproxyApiException Refused(int status, string message, string operation) =>
        new(status, message, $"packet mode: {operation}");

    private sealed class ProxyState(string address, int link)
    {
        public int Link { get; } = link;

        public bool Enabled { get; set; } = true;

        public List<ToxicInfo> Toxics { get; } = [];

        public ProxyInfo Info(string name) => new(name, address, address, Enabled, Toxics.ToList());
    }
}
