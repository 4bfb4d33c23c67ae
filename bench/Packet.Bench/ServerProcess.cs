using System.Diagnostics;
using System.Globalization;

namespace Harness.Packet.Bench;

/// <summary>
/// The <c>serve</c> child: started (optionally behind a prefix such as <c>ip netns exec NS</c>), read for its ports, killed on dispose.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int wsPort, int bulkPort)
    {
        _process = process;
        WsPort = wsPort;
        BulkPort = bulkPort;
    }

    public int WsPort { get; }

    public int BulkPort { get; }

    public static async Task<ServerProcess> StartAsync(IReadOnlyList<string> prefix, string address)
    {
        var dll = typeof(ServerProcess).Assembly.Location;
        string[] command = [.. prefix, Environment.ProcessPath!, dll, "serve", "--address", address];
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command[1..])
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {string.Join(' ', command)}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"echo server ended before it was ready: {string.Join(' ', command)}");
            var parts = line.Split(' ');
            if (parts is not ["ready", var ws, var bulk])
                throw new InvalidOperationException($"echo server said '{line}'");
            return new ServerProcess(process, int.Parse(ws, CultureInfo.InvariantCulture), int.Parse(bulk, CultureInfo.InvariantCulture));
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        using (process)
        {
            try
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                    process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
