using Harness.Toxiproxy.Client;

namespace Harness.Tests.Orchestration;

/// <summary>An in-memory Toxiproxy API that records every call, for orchestration tests.</summary>
internal sealed class FakeToxiproxyClient : IToxiproxyClient
{
    private readonly Dictionary<string, ProxyInfo> _proxies = new(StringComparer.Ordinal);
    private int _port = 40000;

    public List<string> Calls { get; } = [];

    /// <summary>Runs on every recorded call, so a test can look at other state at that moment.</summary>
    public Action<string>? OnCall { get; set; }

    public Uri BaseAddress { get; } = new("http://127.0.0.1:8474/");

    /// <summary>Toxic types this server answers 400 to, as a real Toxiproxy does for types it does not know.</summary>
    public HashSet<string> UnknownToxicTypes { get; } = [];

    public Task<string> GetVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult("2.12.0");

    public Task<IReadOnlyDictionary<string, ProxyInfo>> GetProxiesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, ProxyInfo>>(new Dictionary<string, ProxyInfo>(_proxies));

    public Task<ProxyInfo> CreateProxyAsync(ProxyDefinition proxy, CancellationToken cancellationToken = default)
    {
        Calls.Add($"create {proxy.Name} -> {proxy.Upstream}");
        var info = new ProxyInfo(proxy.Name, $"127.0.0.1:{_port++}", proxy.Upstream, true, []);
        _proxies[proxy.Name] = info;
        return Task.FromResult(info);
    }

    public Task<ProxyInfo> GetProxyAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(_proxies[name]);

    public Task<ProxyInfo> UpdateProxyAsync(string name, ProxyUpdate update, CancellationToken cancellationToken = default)
    {
        Calls.Add($"update {name} enabled={update.Enabled}");
        _proxies[name] = _proxies[name] with { Enabled = update.Enabled ?? _proxies[name].Enabled };
        return Task.FromResult(_proxies[name]);
    }

    public Task DeleteProxyAsync(string name, CancellationToken cancellationToken = default)
    {
        Calls.Add($"delete {name}");
        _proxies.Remove(name);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ToxicInfo>> GetToxicsAsync(string proxy, CancellationToken cancellationToken = default) =>
        Task.FromResult(_proxies[proxy].Toxics);

    public Task<ToxicInfo> AddToxicAsync(string proxy, ToxicDefinition toxic, CancellationToken cancellationToken = default)
    {
        if (UnknownToxicTypes.Contains(toxic.Type))
        {
            return Task.FromException<ToxicInfo>(new ToxiproxyApiException(400, "Bad toxic type: " + toxic.Type, $"add toxic to {proxy}"));
        }
        var name = toxic.Name ?? $"{toxic.Type}_{toxic.Stream.ToString().ToLowerInvariant()}";
        Calls.Add($"add {proxy}/{name} {string.Join(",", toxic.Attributes.Select(a => $"{a.Key}={a.Value}"))}");
        OnCall?.Invoke(Calls[^1]);
        var info = new ToxicInfo(name, toxic.Type, toxic.Stream, toxic.Toxicity, toxic.Attributes);
        _proxies[proxy] = _proxies[proxy] with { Toxics = [.. _proxies[proxy].Toxics, info] };
        return Task.FromResult(info);
    }

    public Task<ToxicInfo> GetToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default) =>
        Task.FromResult(_proxies[proxy].Toxics.Single(t => t.Name == toxic));

    public Task<ToxicInfo> UpdateToxicAsync(string proxy, string toxic, ToxicUpdate update, CancellationToken cancellationToken = default)
    {
        Calls.Add($"update {proxy}/{toxic} {string.Join(",", update.Attributes!.Select(a => $"{a.Key}={a.Value}"))}");
        return Task.FromResult(_proxies[proxy].Toxics.Single(t => t.Name == toxic));
    }

    public Task DeleteToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default)
    {
        Calls.Add($"remove {proxy}/{toxic}");
        OnCall?.Invoke(Calls[^1]);
        _proxies[proxy] = _proxies[proxy] with { Toxics = _proxies[proxy].Toxics.Where(t => t.Name != toxic).ToList() };
        return Task.CompletedTask;
    }

    public Task ResetAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<ProxyInfo>> PopulateAsync(
        IEnumerable<ProxyDefinition> proxies,
        CancellationToken cancellationToken = default
    ) => throw new NotSupportedException();
}
