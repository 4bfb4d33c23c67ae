using LiveRoom.Hosting;
using LiveRoom.Options;

namespace LiveRoom;

/// <summary>
/// LiveRoom hosted in-process on 127.0.0.1 with an ephemeral port, for tests and the harness's own suites.
/// <code>await using var server = await LiveRoomServer.StartAsync(o => o with { FrameRate = 50 });</code>
/// </summary>
public sealed class LiveRoomServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveRoomServer(WebApplication app, Uri baseUri, LiveRoomOptions options)
    {
        _app = app;
        BaseUri = baseUri;
        Options = options;
    }

    /// <summary>For example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The validated options the server runs with.</summary>
    public LiveRoomOptions Options { get; }

    /// <summary>The same address with the ws: scheme, for WebSocket clients.</summary>
    public Uri WebSocketUri(string path) => new(new UriBuilder(BaseUri) { Scheme = "ws" }.Uri, path);

    public static async Task<LiveRoomServer> StartAsync(
        Func<LiveRoomOptions, LiveRoomOptions>? configure = null,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default
    )
    {
        var app = LiveRoomApp.Build(["--urls", "http://127.0.0.1:0"], configure, time, TextWriter.Null);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = StartupBanner.Addresses(app).Single();
            return new LiveRoomServer(app, new Uri(address + "/"), app.Services.GetRequiredService<LiveRoomOptions>());
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
