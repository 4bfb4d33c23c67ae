using Harness.Impairment.Control;
using Harness.Impairment.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harness.Impairment.Server;

/// <summary>
/// The Toxiproxy-compatible server in-process: the impairment engine plus its HTTP API on Kestrel, bound only to
/// the configured host. Disposal stops the API and closes every proxy listener and connection.
/// </summary>
public sealed class EmbeddedToxiproxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ImpairmentEngine _engine;

    private EmbeddedToxiproxy(WebApplication app, ImpairmentEngine engine, Uri apiAddress)
    {
        _app = app;
        _engine = engine;
        ApiAddress = apiAddress;
    }

    /// <summary>The API root with a trailing slash, e.g. http://127.0.0.1:41234/.</summary>
    public Uri ApiAddress { get; }

    /// <summary>Starts the server; null options mean 127.0.0.1 on an ephemeral port.</summary>
    public static async Task<EmbeddedToxiproxy> StartAsync(
        ToxiproxyServerOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        options ??= new ToxiproxyServerOptions { Port = 0 };
        options.Validate();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("Harness.Impairment.Server");
        var engine = new ImpairmentEngine(
            new ImpairmentEngineOptions
            {
                TimeProvider = options.TimeProvider,
                Seed = options.Seed,
                LoggerFactory = options.LoggerFactory,
            }
        );
        try
        {
            if (options.ConfigPath is not null)
                await ConfigFile.ApplyAsync(engine, options.ConfigPath, logger, cancellationToken).ConfigureAwait(false);
            var app = Build(options, engine, loggerFactory);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = new Uri(
                app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/"
            );
            ServerLog.ApiStarted(logger, address);
            return new EmbeddedToxiproxy(app, engine, address);
        }
        catch
        {
            await engine.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// What the seed decided for each connection of a TCP proxy so far (toxicity, first draws), by accept ordinal;
    /// empty for an unknown or UDP proxy. In-process only: Toxiproxy's API has no such call.
    /// </summary>
    public IReadOnlyList<LinkDecision> Decisions(string proxy) => _engine.Decisions(proxy).Value ?? [];

    /// <summary>
    /// Reports each exchange of a TCP proxy (a client connecting, an answer reaching it, the client giving up while it
    /// waits) until disposed; watch before traffic flows. In-process only: Toxiproxy's API has no such call.
    /// </summary>
    public IDisposable WatchExchanges(string proxy, Action<Exchanges.ExchangeEvent> listener) => _engine.WatchExchanges(proxy, listener);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            await _engine.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static WebApplication Build(ToxiproxyServerOptions options, ImpairmentEngine engine, ILoggerFactory loggerFactory)
    {
        // The empty builder reads no environment variables or appsettings: the options are the only input.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddRoutingCore();
        builder
            .WebHost.UseKestrelCore()
            .ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(ApiHost.Resolve(options.Host), options.Port, Http.HalfClosedClients.Allow);
                kestrel.AddServerHeader = false;
                // A backstop for routes that never read their body; each route sets its own, smaller limit.
                kestrel.Limits.MaxRequestBodySize = Http.RequestBody.PopulateLimit;
            });
        var app = builder.Build();
        ToxiproxyApi.Configure(app, engine, options);
        return app;
    }
}
