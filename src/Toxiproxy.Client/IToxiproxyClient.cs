namespace Harness.Toxiproxy.Client;

/// <summary>
/// The Toxiproxy HTTP API (v2.7+) as typed calls. Works against a real Toxiproxy 2.12 and against the
/// harness's own compatible server. API errors surface as <see cref="ToxiproxyApiException"/>.
/// </summary>
public interface IToxiproxyClient
{
    Uri BaseAddress { get; }

    Task<string> GetVersionAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, ProxyInfo>> GetProxiesAsync(CancellationToken cancellationToken = default);

    Task<ProxyInfo> CreateProxyAsync(ProxyDefinition proxy, CancellationToken cancellationToken = default);

    Task<ProxyInfo> GetProxyAsync(string name, CancellationToken cancellationToken = default);

    Task<ProxyInfo> UpdateProxyAsync(string name, ProxyUpdate update, CancellationToken cancellationToken = default);

    Task DeleteProxyAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ToxicInfo>> GetToxicsAsync(string proxy, CancellationToken cancellationToken = default);

    Task<ToxicInfo> AddToxicAsync(string proxy, ToxicDefinition toxic, CancellationToken cancellationToken = default);

    Task<ToxicInfo> GetToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default);

    Task<ToxicInfo> UpdateToxicAsync(string proxy, string toxic, ToxicUpdate update, CancellationToken cancellationToken = default);

    Task DeleteToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default);

    Task ResetAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProxyInfo>> PopulateAsync(IEnumerable<ProxyDefinition> proxies, CancellationToken cancellationToken = default);
}
