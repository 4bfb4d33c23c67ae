using System.Diagnostics;
using System.Globalization;
using Harness.Toxiproxy.Client;

namespace Harness.Impairment.Bench;

/// <summary>A child process running <see cref="ServeCommand"/>, driven through its HTTP API like any Toxiproxy.</summary>
internal sealed class ProxyServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ProxyServerProcess(Process process, Uri api)
    {
        _process = process;
        Api = api;
        Client = new ToxiproxyClient(api);
    }

    public Uri Api { get; }

    public ToxiproxyClient Client { get; }

    public static async Task<ProxyServerProcess> StartAsync(long? seed = null)
    {
        var process = seed is { } s
            ? ChildProcess.Start("serve", "--seed", s.ToString(CultureInfo.InvariantCulture))
            : ChildProcess.Start("serve");
        var api = await ChildProcess.ExpectAsync(process, "api ", TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return new ProxyServerProcess(process, new Uri(api));
    }

    /// <summary>Creates a proxy listening on 127.0.0.1 (ephemeral port) and returns its listen address.</summary>
    public async Task<string> CreateProxyAsync(string name, string upstream, string? protocol = null)
    {
        var proxy = await Client
            .CreateProxyAsync(new ProxyDefinition(name, upstream, "127.0.0.1:0") { Protocol = protocol })
            .ConfigureAwait(false);
        return proxy.Listen;
    }

    /// <summary>Resident set size of the server process, from /proc (kB there).</summary>
    public long ResidentBytes() => StatusKb("VmRSS:") * 1024;

    /// <summary>Peak resident set size of the server process.</summary>
    public long PeakResidentBytes() => StatusKb("VmHWM:") * 1024;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private long StatusKb(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
