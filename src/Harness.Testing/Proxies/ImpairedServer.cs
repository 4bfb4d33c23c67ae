using Harness.Impairment.Server;
using Harness.Orchestration;
using Harness.Scenarios.Model;
using Harness.Toxiproxy.Client;

namespace Harness.Testing;

/// <summary>
/// The harness's Toxiproxy-compatible server, in-process on a free loopback port, with the proxies a test creates on it.
/// Disposing it removes every proxy and toxic and stops the server. Any Toxiproxy client can also talk to
/// <see cref="ApiAddress"/>.
/// </summary>
/// <example>
/// <code>
/// await using var server = await ImpairedServer.StartAsync();
/// var proxy = await server.CreateProxyAsync(new ProxyOptions { Name = "api", Upstream = "127.0.0.1:5000" });
/// await proxy.AddToxicAsync(Toxic.Latency(TimeSpan.FromMilliseconds(200)));
/// // send traffic to proxy.Endpoint
/// </code>
/// </example>
public sealed class ImpairedServer : IAsyncDisposable
{
    private readonly EmbeddedToxiproxy _server;
    private readonly ToxiproxyClient _client;
    private readonly Dictionary<string, ImpairedProxy> _proxies = new(StringComparer.Ordinal);

    private ImpairedServer(EmbeddedToxiproxy server, ImpairedServerOptions options)
    {
        _server = server;
        _client = new ToxiproxyClient(server.ApiAddress);
        Options = options;
        Session = new ImpairmentSession(_client, "", Log);
    }

    /// <summary>The Toxiproxy HTTP API of this server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri ApiAddress => _server.ApiAddress;

    /// <summary>A typed client of the server's Toxiproxy API, for anything this class does not wrap.</summary>
    public IToxiproxyClient Client => _client;

    /// <summary>The proxies created so far and not disposed, by name.</summary>
    public IReadOnlyDictionary<string, ImpairedProxy> Proxies => _proxies;

    internal ImpairedServerOptions Options { get; }

    internal ImpairmentSession Session { get; }

    internal TimeProvider Time => Options.TimeProvider ?? TimeProvider.System;

    internal void Log(string line) => Options.Log?.Invoke(line);

    /// <summary>Starts a server on 127.0.0.1 on a free port.</summary>
    public static async Task<ImpairedServer> StartAsync(
        ImpairedServerOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        options ??= new ImpairedServerOptions();
        var server = await EmbeddedToxiproxy
            .StartAsync(
                new ToxiproxyServerOptions
                {
                    Host = "127.0.0.1",
                    Port = 0,
                    Seed = options.Seed,
                    TimeProvider = options.TimeProvider ?? TimeProvider.System,
                },
                cancellationToken
            )
            .ConfigureAwait(false);
        return new ImpairedServer(server, options);
    }

    /// <summary>
    /// Creates a proxy (and applies its <see cref="ProxyOptions.Profile"/>, if any); it lives until disposed or the server is.
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete, or the profile is unknown.</exception>
    /// <exception cref="ImpairmentException">The server refused the proxy (e.g. the name is taken).</exception>
    public async Task<ImpairedProxy> CreateProxyAsync(ProxyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Name))
            throw new ArgumentException("ProxyOptions.Name is required", nameof(options));
        if (string.IsNullOrWhiteSpace(options.Upstream))
        {
            throw new ArgumentException($"proxy {options.Name}: ProxyOptions.Upstream (host:port) is required", nameof(options));
        }
        var profile = options.Profile is null ? null : ProfileLookup.Find(options.Profile, Options.ProfilesDirectory);
        var spec = new ProxySpec(options.Name, null, options.Upstream, options.Listen, []);
        await Guard
            .RunAsync(() => Session.CreateProxiesAsync([spec], new Dictionary<string, LaunchedService>(), cancellationToken))
            .ConfigureAwait(false);
        var endpoint = await Guard.RunAsync(() => Session.ListenEndpointAsync(options.Name, cancellationToken)).ConfigureAwait(false);
        var proxy = new ImpairedProxy(this, options.Name, options.Upstream, endpoint);
        _proxies[options.Name] = proxy;
        if (profile is not null)
            await proxy.ApplyProfileAsync(profile, cancellationToken).ConfigureAwait(false);
        return proxy;
    }

    /// <summary>
    /// Walks the phases of <paramref name="timeline"/> as a scenario's timeline does: each phase's toxics are added when it
    /// starts and removed when it ends, its events (reset, disable, enable, flap, ramp) fire at their offsets.
    /// </summary>
    /// <returns>When each phase ran and which events fired.</returns>
    public Task<TimelineResult> RunTimelineAsync(Timeline timeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return new TimelineWalker(this).RunAsync(timeline.ToSpecs(), cancellationToken);
    }

    internal void Forget(string proxy) => _proxies.Remove(proxy);

    /// <summary>Removes every proxy and toxic, then stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Session.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _proxies.Clear();
            _client.Dispose();
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
