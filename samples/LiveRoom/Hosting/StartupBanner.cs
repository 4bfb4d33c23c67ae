using LiveRoom.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LiveRoom.Hosting;

/// <summary>
/// Prints the one line a launcher needs (where we listen) even though logging is quiet, and closes every
/// room socket politely when the host stops.
/// </summary>
internal static class StartupBanner
{
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    public static void Register(WebApplication app, LiveRoomOptions options, TextWriter output) =>
        app.Lifetime.ApplicationStarted.Register(() =>
            output.WriteLine($"LiveRoom {options.Version} region={options.Region} listening on {string.Join(' ', Addresses(app))}")
        );
}
