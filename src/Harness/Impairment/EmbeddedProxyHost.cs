using Harness.Impairment.Server;
using Harness.Toxiproxy.Client;

namespace Harness.Impairment;

/// <summary>
/// The one place the harness touches the embedded server: start it in-process on an ephemeral loopback port
/// and hand back a client of its HTTP API, so the runner treats it exactly like a remote Toxiproxy.
/// </summary>
internal sealed class EmbeddedProxyHost : IAsyncDisposable
{
    private readonly EmbeddedToxiproxy _server;

    private EmbeddedProxyHost(EmbeddedToxiproxy server) => _server = server;

    public Uri ApiAddress => _server.ApiAddress;

    public static async Task<EmbeddedProxyHost> StartAsync(int? seed, TimeProvider time, CancellationToken cancellationToken)
    {
        var options = new ToxiproxyServerOptions { Host = "127.0.0.1", Port = 0, Seed = seed, TimeProvider = time };
        var server = await EmbeddedToxiproxy.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new EmbeddedProxyHost(server);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
