using System.Globalization;
using System.Net;
using Harness.Scenarios.Model;
using Harness.Toxiproxy.Client;

namespace Harness.Orchestration;

/// <summary>
/// Everything this run created on a Toxiproxy API: proxies (named with the run's prefix so a shared server
/// stays readable and sweepable) and the toxics of the current phase. Dispose removes all of it.
/// </summary>
internal sealed class ImpairmentSession(IToxiproxyClient client, string prefix, Action<string> progress) : IAsyncDisposable
{
    private static readonly TimeSpan CleanupBound = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, ProxyInfo> _proxies = new(StringComparer.Ordinal);
    private readonly List<(string Proxy, string Toxic)> _activeToxics = [];
    private readonly List<(string Proxy, string Toxic)> _baseToxics = [];

    public IReadOnlyDictionary<string, ProxyInfo> Proxies => _proxies;

    public string ServerName(string proxy) => $"{prefix}{proxy}";

    /// <summary>
    /// The prefix on a run's own embedded server: nobody else shares it, so there is nothing to sweep, and the name
    /// must not change between runs because the engine derives each proxy's seed from it (same --seed, same draws).
    /// </summary>
    public static string PrivatePrefix(string scenario) => $"harness-{scenario}-";

    /// <summary>
    /// The prefix of every proxy a run of <paramref name="scenario"/> creates on a shared server:
    /// <c>harness-&lt;scenario&gt;-&lt;unix seconds&gt;-&lt;host&gt;-&lt;pid&gt;-</c>
    /// (the owner, <see cref="ProxyOwner.Current"/> by default).
    /// </summary>
    public static string PrefixFor(string scenario, DateTimeOffset startedAt, ProxyOwner? owner = null) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"harness-{scenario}-{startedAt.ToUnixTimeSeconds()}-{(owner ?? ProxyOwner.Current).Segment}-"
        );

    /// <summary>The host this session counts as its own when sweeping: proxies of dead processes on it go at once.</summary>
    public ProxyOwner Owner { get; init; } = ProxyOwner.Current;

    /// <summary>
    /// Removes proxies an earlier run of the same scenario left behind (a killed run cannot clean up): at once when their
    /// owner ran on this host and is gone; otherwise (another host, or a name without an owner) only when they are older
    /// than <paramref name="staleAfter"/>, since younger ones may belong to a run still going elsewhere.
    /// </summary>
    public async Task<IReadOnlyList<string>> SweepStaleAsync(
        string scenario,
        DateTimeOffset now,
        TimeSpan staleAfter,
        CancellationToken cancellationToken
    )
    {
        var swept = new List<string>();
        var own = $"harness-{scenario}-";
        IReadOnlyDictionary<string, ProxyInfo> existing;
        try
        {
            existing = await client.GetProxiesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ToxiproxyApiException or HttpRequestException)
        {
            throw new InfrastructureException($"cannot list proxies on {client.BaseAddress}: {e.Message}", e);
        }
        foreach (var name in existing.Keys.Where(n => n.StartsWith(own, StringComparison.Ordinal)))
        {
            if (!IsAbandoned(name[own.Length..], now, staleAfter))
                continue;
            try
            {
                await client.DeleteProxyAsync(name, cancellationToken).ConfigureAwait(false);
                swept.Add(name);
            }
            catch (ToxiproxyApiException e) when (e.StatusCode == 404) { }
        }
        return swept;
    }

    // rest: "<unix seconds>-<host>-<pid>-<proxy>", or "<unix seconds>-<proxy>" from a version that named no owner.
    private bool IsAbandoned(string rest, DateTimeOffset now, TimeSpan staleAfter)
    {
        var parts = rest.Split('-', 4);
        if (
            parts.Length < 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        )
        {
            return false;
        }
        var created = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (parts.Length == 4 && ProxyOwner.TryParse(parts[1], parts[2], out var owner) && owner!.Host == Owner.Host)
        {
            return !ProxyOwner.IsRunning(owner.ProcessId, created);
        }
        return now - created >= staleAfter;
    }

    public async Task CreateProxiesAsync(
        IEnumerable<ProxySpec> proxies,
        IReadOnlyDictionary<string, LaunchedService> services,
        CancellationToken cancellationToken
    )
    {
        foreach (var proxy in proxies)
        {
            var upstream = proxy.UpstreamAddress
                ?? string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{services[proxy.UpstreamService!].Port}");
            try
            {
                var created = await client
                    .CreateProxyAsync(new ProxyDefinition(ServerName(proxy.Name), upstream, proxy.Listen), cancellationToken)
                    .ConfigureAwait(false);
                _proxies[proxy.Name] = created;
                progress($"proxy {proxy.Name}: {created.Listen} -> {upstream}");
            }
            catch (Exception e) when (e is ToxiproxyApiException or HttpRequestException)
            {
                throw new InfrastructureException($"cannot create proxy '{proxy.Name}' on {client.BaseAddress}: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// Where traffic for a proxy must go: its listen address, or, when it listens on every interface, the
    /// API's host (a Toxiproxy container is reached by its service name, not by 0.0.0.0).
    /// </summary>
    public async Task<IPEndPoint> ListenEndpointAsync(string proxy, CancellationToken cancellationToken)
    {
        var listen = _proxies[proxy].Listen;
        var colon = listen.LastIndexOf(':');
        var host = listen[..colon].Trim('[', ']');
        var port = int.Parse(listen.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        if (host is "" or "0.0.0.0" or "::")
            host = client.BaseAddress.Host;
        if (IPAddress.TryParse(host, out var ip))
            return new IPEndPoint(ip, port);
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? addresses.FirstOrDefault();
            return chosen is null
                ? throw new InfrastructureException($"proxy '{proxy}': host {host} has no address")
                : new IPEndPoint(chosen, port);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InfrastructureException($"proxy '{proxy}': cannot resolve {host}: {e.Message}", e);
        }
    }

    /// <summary>Adds each proxy's profile toxics for the whole run; they stay until the session is disposed.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ToxicInfo>>> ApplyProfilesAsync(
        IEnumerable<ProxySpec> proxies,
        CancellationToken cancellationToken
    )
    {
        var result = new Dictionary<string, IReadOnlyList<ToxicInfo>>(StringComparer.Ordinal);
        foreach (var proxy in proxies.Where(p => p.Profile is not null))
        {
            result[proxy.Name] = await AddAsync(
                    $"profile '{proxy.Profile!.Name}'",
                    proxy.Profile.ToToxics(proxy.Name, packetMode: client is Packet.PacketLinkClient),
                    _baseToxics,
                    cancellationToken
                )
                .ConfigureAwait(false);
            progress(
                $"proxy {proxy.Name}: profile {proxy.Profile.Name} ({string.Join(", ", result[proxy.Name].Select(t => $"{t.Type} {t.Stream.ToString().ToLowerInvariant()}"))})"
            );
        }
        return result;
    }

    public Task<IReadOnlyList<ToxicInfo>> ApplyAsync(PhaseSpec phase, CancellationToken cancellationToken) =>
        AddAsync($"phase '{phase.Name}'", phase.Toxics, _activeToxics, cancellationToken);

    private async Task<IReadOnlyList<ToxicInfo>> AddAsync(
        string owner,
        IEnumerable<ToxicSpec> toxics,
        List<(string Proxy, string Toxic)> registry,
        CancellationToken cancellationToken
    )
    {
        var applied = new List<ToxicInfo>();
        foreach (var toxic in toxics)
        {
            var definition = ToDefinition(toxic);
            try
            {
                var created = await client.AddToxicAsync(ServerName(toxic.Proxy), definition, cancellationToken).ConfigureAwait(false);
                registry.Add((toxic.Proxy, created.Name));
                applied.Add(created);
            }
            catch (Exception e) when (e is ToxiproxyApiException or HttpRequestException)
            {
                throw new InfrastructureException(
                    $"{owner}: cannot add toxic '{toxic.Name}' ({toxic.Type}) to proxy '{toxic.Proxy}': {e.Message}{OwnTypeHint(toxic.Type, e)}",
                    e
                );
            }
        }
        return applied;
    }

    // A server that refuses one of the harness's own types is most likely a real Toxiproxy, which lacks them.
    private static string OwnTypeHint(string type, Exception e) =>
        e is ToxiproxyApiException { StatusCode: 400 } && ToxicCatalog.All.TryGetValue(type, out var info) && info.OursOnly
            ? $"; '{type}' is a toxic type of the harness's own server, which Toxiproxy lacks: run on the embedded server "
                + "(no --toxiproxy, no network.toxiproxy) or point them at `harness toxiproxy`"
            : string.Empty;

    public async Task SetEnabledAsync(string proxy, bool enabled, CancellationToken cancellationToken)
    {
        await Guard($"{(enabled ? "enable" : "disable")} proxy '{proxy}'", () =>
                client.UpdateProxyAsync(ServerName(proxy), new ProxyUpdate(Enabled: enabled), cancellationToken)
            )
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Drops every connection of a proxy: Toxiproxy has no such call, so the proxy is disabled and enabled again. A packet
    /// link resets the TCP connections crossing it with forged RSTs instead (nothing there holds a connection to drop).
    /// </summary>
    public async Task ResetConnectionsAsync(string proxy, CancellationToken cancellationToken)
    {
        if (client is Packet.PacketLinkClient packet)
        {
            await packet.ResetConnectionsAsync(ServerName(proxy), cancellationToken).ConfigureAwait(false);
            return;
        }
        await SetEnabledAsync(proxy, false, cancellationToken).ConfigureAwait(false);
        await SetEnabledAsync(proxy, true, cancellationToken).ConfigureAwait(false);
    }

    public Task UpdateToxicAttributeAsync(string proxy, string toxic, string attribute, long value, CancellationToken cancellationToken) =>
        Guard($"update {attribute} of toxic '{toxic}' on proxy '{proxy}'", () =>
            client.UpdateToxicAsync(
                ServerName(proxy),
                toxic,
                new ToxicUpdate(new Dictionary<string, long> { [attribute] = value }),
                cancellationToken
            )
        );

    private static async Task Guard(string what, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ToxiproxyApiException or HttpRequestException)
        {
            throw new InfrastructureException($"cannot {what}: {e.Message}", e);
        }
    }

    public async Task RemovePhaseToxicsAsync(CancellationToken cancellationToken)
    {
        foreach (var (proxy, toxic) in _activeToxics.ToList())
        {
            await client.DeleteToxicAsync(ServerName(proxy), toxic, cancellationToken).ConfigureAwait(false);
            _activeToxics.Remove((proxy, toxic));
        }
    }

    private static ToxicDefinition ToDefinition(ToxicSpec toxic) =>
        new(
            toxic.Type,
            toxic.Stream == ToxicDirection.Upstream ? ToxicStream.Upstream : ToxicStream.Downstream,
            toxic.Attributes,
            toxic.Name,
            toxic.Toxicity
        );

    /// <summary>Removes every toxic and proxy this run created, even when the run is being cancelled; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        using var bounded = new CancellationTokenSource(CleanupBound);
        foreach (var (proxy, toxic) in _activeToxics.Concat(_baseToxics).ToList())
        {
            try
            {
                await client.DeleteToxicAsync(ServerName(proxy), toxic, bounded.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ToxiproxyApiException or HttpRequestException or OperationCanceledException)
            {
                progress($"cleanup: toxic {toxic} on {proxy}: {e.Message}");
            }
        }
        _activeToxics.Clear();
        _baseToxics.Clear();
        foreach (var proxy in _proxies.Keys.ToList())
        {
            try
            {
                await client.DeleteProxyAsync(ServerName(proxy), bounded.Token).ConfigureAwait(false);
            }
            catch (Exception e)
                when (e is ToxiproxyApiException { StatusCode: not 404 } or HttpRequestException or OperationCanceledException)
            {
                progress($"cleanup: proxy {proxy}: {e.Message}");
            }
            catch (ToxiproxyApiException) { }
            _proxies.Remove(proxy);
        }
    }
}
