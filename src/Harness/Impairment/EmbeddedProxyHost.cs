using System.Text.Json;
using Harness.Impairment.Server;
using Harness.Toxiproxy.Client;

namespace Harness.Impairment;

/// <summary>
/// The one place the harness touches the embedded server: start it in-process on an ephemeral loopback port
/// and hand back a client of its HTTP API, so the runner treats it exactly like a remote Toxiproxy.
/// </summary>
internal sealed class EmbeddedProxyHost : IAsyncDisposable
{
    /// <summary>Under the run's artifacts/: what the seed decided per connection (docs/toxics.md, "Seeds").</summary>
    public const string DecisionsFile = "impairment-decisions.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };
    private readonly EmbeddedToxiproxy _server;

    private EmbeddedProxyHost(EmbeddedToxiproxy server) => _server = server;

    public Uri ApiAddress => _server.ApiAddress;

    public static async Task<EmbeddedProxyHost> StartAsync(int? seed, TimeProvider time, CancellationToken cancellationToken)
    {
        // Proxy metrics: the runner reads each proxy's byte counters at phase boundaries (impairment attribution).
        var options = new ToxiproxyServerOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            Seed = seed,
            TimeProvider = time,
            ProxyMetrics = true,
        };
        var server = await EmbeddedToxiproxy.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new EmbeddedProxyHost(server);
    }

    /// <summary>
    /// Writes each proxy's per-connection toxicity decisions and first random draws, keyed by accept ordinal, so
    /// two runs with the same seed can be compared (only an in-process engine can tell; a real Toxiproxy cannot).
    /// </summary>
    public async Task WriteDecisionsAsync(string path, int seed, IEnumerable<(string Proxy, string ServerName)> proxies)
    {
        var record = new
        {
            Seed = seed,
            Proxies = proxies
                .Select(p => new
                {
                    Name = p.Proxy,
                    p.ServerName,
                    Links = _server.Decisions(p.ServerName),
                })
                .ToList(),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, record, Json).ConfigureAwait(false);
    }

    /// <summary>Reports each exchange of a proxy (by its server name): connections, answers, and waits the caller gave up on.</summary>
    public IDisposable WatchExchanges(string serverName, Action<ProxyExchange> listener) =>
        _server.WatchExchanges(serverName, e => listener(
                new ProxyExchange(
                    e.Time,
                    e.Outcome switch
                    {
                        Exchanges.ExchangeOutcome.Connected => ProxyExchangeKind.Connected,
                        Exchanges.ExchangeOutcome.Answered => ProxyExchangeKind.Answered,
                        _ => ProxyExchangeKind.Abandoned,
                    },
                    e.Wait
                )
            ));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
