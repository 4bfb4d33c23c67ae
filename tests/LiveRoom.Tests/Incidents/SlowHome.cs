using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Tests.Incidents;

/// <summary>A home region's relay endpoint that answers each fetch after a fixed delay, with one new frame each time.</summary>
internal sealed class SlowHome(WebApplication app, Uri baseUri) : IAsyncDisposable
{
    public Uri BaseUri => baseUri;

    public static async Task<SlowHome> StartAsync(TimeSpan delay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        long seq = 0;
        app.MapGet("/relay/rooms/{id}/frames", async (string id, CancellationToken aborted) =>
        {
            await Task.Delay(delay, aborted);
            var next = Interlocked.Increment(ref seq).ToString(CultureInfo.InvariantCulture);
            return Results.Text($"[{{\"type\":\"frame\",\"room\":\"{id}\",\"seq\":{next},\"ts\":1,\"payload\":\"\"}}]", "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SlowHome(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
