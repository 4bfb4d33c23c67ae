using Harness.Impairment.Server;

namespace Harness.Probes.Bench.Infra;

/// <summary>
/// The embedded Toxiproxy-compatible server in a child process (<c>proxy-host</c> subcommand): one process
/// cannot hold 10,000 client sockets plus the proxy's 20,000 under a 20,000 file-descriptor hard limit.
/// </summary>
internal static class ProxyHost
{
    public const string ApiPrefix = "api=";

    /// <summary>The subcommand: starts the server, prints its API address, runs until killed.</summary>
    public static async Task<int> RunAsync()
    {
        await using var server = await EmbeddedToxiproxy.StartAsync(new ToxiproxyServerOptions { Port = 0 }).ConfigureAwait(false);
        Console.WriteLine(ApiPrefix + server.ApiAddress);
        await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Starts this bench binary as a proxy host; returns the process and its API address.</summary>
    public static async Task<(ChildProcess Process, Uri Api)> StartAsync()
    {
        var process = ChildProcess.Start("dotnet", [typeof(ProxyHost).Assembly.Location, "proxy-host"]);
        try
        {
            var api = await process.WaitForLineAsync(ApiPrefix, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            return (process, new Uri(api));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }
}
