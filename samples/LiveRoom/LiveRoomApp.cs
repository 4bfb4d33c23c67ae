using System.Net.WebSockets;
using LiveRoom.Endpoints;
using LiveRoom.Hosting;
using LiveRoom.Incidents.Echo;
using LiveRoom.Incidents.Events;
using LiveRoom.Incidents.Relay;
using LiveRoom.Incidents.Storm;
using LiveRoom.Options;
using LiveRoom.Rooms;

namespace LiveRoom;

/// <summary>The composition root: builds a configured LiveRoom for the command line, containers and tests.</summary>
public static class LiveRoomApp
{
    /// <summary>Used when neither <c>--urls</c> nor ASPNETCORE_URLS/HTTP_PORTS says where to listen.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Exit code for configuration a person has to fix.</summary>
    public const int InvalidConfigurationExitCode = 2;

    /// <summary>Exit code when the server could not start (for example the port is taken).</summary>
    public const int StartFailedExitCode = 3;

    /// <summary>
    /// Builds the app from command-line style <paramref name="args"/>. <paramref name="configure"/> adjusts the
    /// bound options before validation. Throws <see cref="LiveRoomOptionsException"/> for invalid settings.
    /// </summary>
    public static WebApplication Build(
        string[] args,
        Func<LiveRoomOptions, LiveRoomOptions>? configure = null,
        TimeProvider? time = null,
        TextWriter? output = null
    )
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = LiveRoomOptionsLoader.Load(builder.Configuration, configure);

        // Quiet by default so a harness launching many instances is not flooded; Logging:LogLevel:* still overrides.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // RunAsync reports a failed start as one line; the host's own error log would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        if (
            string.IsNullOrEmpty(builder.Configuration["urls"])
            && string.IsNullOrEmpty(builder.Configuration["http_ports"])
            && string.IsNullOrEmpty(builder.Configuration["https_ports"])
        )
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton<RoomRegistry>();
        builder.Services.AddSingleton<Incidents.Relay.RelayRooms>();
        builder.Services.AddSingleton<EventStore>();

        var app = builder.Build();
        app.UseWebSockets();
        app.UseHandshakeGate();
        app.MapPages();
        app.MapApi();
        app.MapRoomSocket();
        app.MapEcho();
        app.MapRelay();
        app.MapWhiteboard();
        LiveRoom.Incidents.GrayRelease.JoinEndpoint.MapJoin(app);
        app.MapAudioRoom();
        app.MapEvents();

        var rooms = app.Services.GetRequiredService<RoomRegistry>();
        app.Lifetime.ApplicationStopping.Register(() => rooms.CloseAll(WebSocketCloseStatus.EndpointUnavailable, "server shutting down"));
        StartupBanner.Register(app, options, output ?? Console.Out);
        return app;
    }

    /// <summary>Runs until stopped; returns the process exit code. Errors a person must fix are one line on stderr.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        error ??= Console.Error;
        WebApplication app;
        try
        {
            app = Build(args, output: output);
        }
        catch (LiveRoomOptionsException ex)
        {
            await error.WriteLineAsync($"liveroom: {ex.Message}").ConfigureAwait(false);
            return InvalidConfigurationExitCode;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException)
            {
                await error.WriteLineAsync($"liveroom: cannot start: {ex.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
                return StartFailedExitCode;
            }
            await app.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
    }
}
