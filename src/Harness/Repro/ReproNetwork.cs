using Harness.Impairment;
using Harness.Scenarios.Model;
using Harness.Toxiproxy.Client;

namespace Harness.Repro;

/// <summary>
/// A repro's network: its own embedded Toxiproxy-compatible server, one proxy per origin on it
/// (<see cref="OriginProxies"/>), and the SOCKS5 router the browser goes through (<see cref="SocksRouter"/>).
/// Dispose removes the proxies and stops the router and the server.
/// </summary>
internal sealed class ReproNetwork : IAsyncDisposable
{
    private readonly EmbeddedProxyHost _server;
    private readonly ToxiproxyClient _client;
    private readonly SocksRouter _router;

    private ReproNetwork(EmbeddedProxyHost server, ToxiproxyClient client, OriginProxies origins, SocksRouter router) =>
        (_server, _client, Origins, _router) = (server, client, origins, router);

    public OriginProxies Origins { get; }

    public Uri ApiAddress => _server.ApiAddress;

    public IReadOnlyList<string> BrowserArgs => _router.BrowserArgs;

    public static async Task<ReproNetwork> StartAsync(
        ReproRequest request,
        NetworkProfile conditions,
        Action<string> progress,
        CancellationToken cancellationToken
    )
    {
        var server = await EmbeddedProxyHost.StartAsync(request.Seed, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var client = new ToxiproxyClient(server.ApiAddress);
        var origins = new OriginProxies(client, conditions, progress);
        var router = new SocksRouter(origins, request.AllowHosts, progress);
        progress(
            $"toxiproxy API {server.ApiAddress} (one proxy per origin the page uses; "
                + $"the browser reaches them through socks5://{router.Endpoint})"
        );
        return new ReproNetwork(server, client, origins, router);
    }

    public async ValueTask DisposeAsync()
    {
        await _router.DisposeAsync().ConfigureAwait(false);
        await Origins.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }
}
