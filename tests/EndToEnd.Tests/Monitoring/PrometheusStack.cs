using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace EndToEnd.Tests.Monitoring;

/// <summary>
/// Debian's real <c>prometheus-pushgateway</c> and <c>prometheus</c> on loopback ports, Prometheus scraping the
/// Pushgateway every second with honor_labels, storage in a temporary folder. Both processes are killed on dispose.
/// </summary>
internal sealed class PrometheusStack : IDisposable
{
    public const string PushgatewayBinary = "/usr/bin/prometheus-pushgateway";
    public const string PrometheusBinary = "/usr/bin/prometheus";
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(60);

    private readonly List<Process> _processes = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("harness-prometheus-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Uri Pushgateway { get; }

    public Uri Prometheus { get; }

    /// <summary>Null when both binaries are installed; otherwise why the test cannot run.</summary>
    public static string? Missing() =>
        File.Exists(PushgatewayBinary) && File.Exists(PrometheusBinary)
            ? null
            : $"prometheus and prometheus-pushgateway are not installed ({PrometheusBinary}, {PushgatewayBinary}): apt-get install prometheus prometheus-pushgateway";

    private PrometheusStack()
    {
        var gatewayPort = FreePort();
        var prometheusPort = FreePort();
        Pushgateway = new Uri($"http://127.0.0.1:{gatewayPort}/");
        Prometheus = new Uri($"http://127.0.0.1:{prometheusPort}/");
        var config = Path.Combine(_folder, "prometheus.yml");
        File.WriteAllText(
            config,
            $$"""
            global: { scrape_interval: 1s, evaluation_interval: 1s }
            scrape_configs:
              - job_name: pushgateway
                honor_labels: true
                static_configs: [ { targets: ["127.0.0.1:{{gatewayPort}}"] } ]
            """
        );
        Start(PushgatewayBinary, $"--web.listen-address=127.0.0.1:{gatewayPort}");
        Start(
            PrometheusBinary,
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(_folder, "data")}",
            $"--web.listen-address=127.0.0.1:{prometheusPort}"
        );
    }

    public static async Task<PrometheusStack> StartAsync()
    {
        var stack = new PrometheusStack();
        try
        {
            await stack.WaitReadyAsync(stack.Pushgateway);
            await stack.WaitReadyAsync(stack.Prometheus);
            return stack;
        }
        catch
        {
            stack.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The instant vector of <paramref name="query"/> once it has at least <paramref name="count"/> series (bounded wait), each as labels
    /// and value.
    /// </summary>
    public async Task<List<(Dictionary<string, string> Labels, double Value)>> QueryAsync(string query, int count = 1)
    {
        var deadline = DateTime.UtcNow + ReadyBound;
        List<(Dictionary<string, string>, double)> series = [];
        while (DateTime.UtcNow < deadline)
        {
            var json = await _http.GetStringAsync(new Uri(Prometheus, "api/v1/query?query=" + Uri.EscapeDataString(query)));
            using var document = JsonDocument.Parse(json);
            series = document
                .RootElement.GetProperty("data")
                .GetProperty("result")
                .EnumerateArray()
                .Select(r =>
                    (
                        r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                        double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)
                    )
                )
                .ToList();
            if (series.Count >= count)
                return series;
            await Task.Delay(500);
        }
        Assert.Fail($"Prometheus had {series.Count} series for {query} after {ReadyBound.TotalSeconds} s; {Logs()}");
        return series;
    }

    private void Start(string binary, params string[] args)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (log)
                log.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
                log.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        _logs[process] = log;
    }

    private readonly Dictionary<Process, System.Text.StringBuilder> _logs = [];

    private string Logs() =>
        string.Join(
            "\n",
            _logs.Select(l =>
            {
                lock (l.Value)
                    return $"--- {l.Key.StartInfo.FileName}:\n{Tail(l.Value.ToString())}";
            })
        );

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;

    private async Task WaitReadyAsync(Uri server)
    {
        var deadline = DateTime.UtcNow + ReadyBound;
        while (DateTime.UtcNow < deadline)
        {
            if (_processes.Any(p => p.HasExited))
                Assert.Fail($"a server exited early; {Logs()}");
            try
            {
                using var response = await _http.GetAsync(new Uri(server, "-/ready"));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{server} was not ready within {ReadyBound.TotalSeconds} s; {Logs()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            process.Dispose();
        }
        _http.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temporary folder is left behind
        }
    }
}
