using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Harness.Toxiproxy.Client;

namespace Harness.Impairment.Bench.Table;

/// <summary>
/// A Toxiproxy-compatible server as a separate process started from a command line plus <c>-host 127.0.0.1 -port N</c>
/// (ours: <c>harness toxiproxy</c>; theirs: a <c>toxiproxy-server</c> binary). Start-up is timed from the process
/// start to the first answered GET /version, polled every millisecond.
/// </summary>
internal sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private ServerUnderTest(Process process, Uri api, TimeSpan startup)
    {
        _process = process;
        Client = new ToxiproxyClient(api);
        Startup = startup;
    }

    public ToxiproxyClient Client { get; }

    public TimeSpan Startup { get; }

    public static async Task<ServerUnderTest> StartAsync(IReadOnlyList<string> command)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in command.Skip(1))
            start.ArgumentList.Add(arg);
        foreach (var arg in new[] { "-host", "127.0.0.1", "-port", port.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        start.Environment["LOG_LEVEL"] = "fatal";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var version = new Uri($"http://127.0.0.1:{port}/version");
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{command[0]} exited with {process.ExitCode}");
            try
            {
                using var response = await http.GetAsync(version).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                    break;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or accepted but too slow to answer under load: ask again.
            }
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"{command[0]}: no /version in 30 s");
            await Task.Delay(1).ConfigureAwait(false);
        }
        return new ServerUnderTest(process, new Uri($"http://127.0.0.1:{port}/"), Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Resident set size from /proc/PID/status.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    public async Task<string> CreateProxyAsync(string name, string upstream)
    {
        var proxy = await Client.CreateProxyAsync(new ProxyDefinition(name, upstream, "127.0.0.1:0")).ConfigureAwait(false);
        return proxy.Listen;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
