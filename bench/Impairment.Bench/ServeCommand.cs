using Harness.Impairment.Server;

namespace Harness.Impairment.Bench;

/// <summary>
/// The proxy side in its own process (so its memory and CPU are its own): starts the embedded server with proxy
/// metrics, prints "api URI" and runs until its standard input closes.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var server = await EmbeddedToxiproxy.StartAsync(
            new ToxiproxyServerOptions
            {
                Port = 0,
                Seed = options.Seed,
                ProxyMetrics = true,
            }
        );
        Console.WriteLine($"api {server.ApiAddress}");
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
