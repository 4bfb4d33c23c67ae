using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Harness.PacketLink.Bench;

/// <summary>
/// A <see cref="SinkServer"/> child, started through <paramref name="prefix"/> (e.g. <c>ip netns exec NS</c>) or
/// directly. Disposing closes its standard input (its tether) and kills it if it lingers.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, IPEndPoint tcp, IPEndPoint udp)
    {
        _process = process;
        Tcp = tcp;
        Udp = udp;
    }

    public IPEndPoint Tcp { get; }

    public IPEndPoint Udp { get; }

    public static ServerProcess Start(IReadOnlyList<string> prefix, IPAddress address)
    {
        var command = prefix.Concat(SelfCommand()).Concat(["serve", address.ToString()]).ToList();
        var start = new ProcessStartInfo(command[0]) { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var argument in command.Skip(1))
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {string.Join(' ', command)}");
        try
        {
            var ready = process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            var parts = ready?.Split(' ') ?? [];
            if (parts is not ["ready", var tcp, var udp])
            {
                throw new InvalidOperationException($"server child ({string.Join(' ', command)}) said '{ready}' instead of ready");
            }
            return new ServerProcess(process, Endpoint(address, tcp), Endpoint(address, udp));
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
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(3)))
                process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    private static IPEndPoint Endpoint(IPAddress address, string port) => new(address, int.Parse(port, CultureInfo.InvariantCulture));

    /// <summary>How to start this same program again: the apphost, or <c>dotnet</c> and this assembly.</summary>
    private static IEnumerable<string> SelfCommand()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, typeof(ServerProcess).Assembly.Location] : [host];
    }
}
