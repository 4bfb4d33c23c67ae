using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>Starts a scenario's local services, waits until each answers its ready URL, and keeps their output as artifacts.</summary>
internal sealed class ServiceLauncher(TimeProvider time, HttpClient http, Action<string> progress)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public async Task<LaunchedService> StartAsync(ServiceSpec spec, string artifactsDirectory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(spec.WorkingDirectory))
        {
            throw new InfrastructureException($"service '{spec.Name}': working directory {spec.WorkingDirectory} does not exist");
        }
        var port = spec.Port ?? FreePort();
        string Expand(string text) => text.Replace("${port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var info = new ProcessStartInfo(Expand(spec.Command[0]))
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in spec.Command.Skip(1)) info.ArgumentList.Add(Expand(arg));
        foreach (var (key, value) in spec.Environment) info.Environment[key] = Expand(value);
        Directory.CreateDirectory(artifactsDirectory);
        var logPath = Path.Combine(artifactsDirectory, $"service-{spec.Name}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            await log.DisposeAsync().ConfigureAwait(false);
            throw new InfrastructureException($"service '{spec.Name}': cannot start '{info.FileName}' in {spec.WorkingDirectory}: {e.Message}", e);
        }
        var service = new LaunchedService(spec.Name, process, port, logPath, log);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        progress($"service {spec.Name}: started pid {process.Id.ToString(CultureInfo.InvariantCulture)} on port {port.ToString(CultureInfo.InvariantCulture)}");
        try
        {
            if (spec.ReadyUrl is not null) service.ReadyAfter = await WaitReadyAsync(spec, new Uri(Expand(spec.ReadyUrl)), service, cancellationToken).ConfigureAwait(false);
            return service;
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<TimeSpan> WaitReadyAsync(ServiceSpec spec, Uri readyUrl, LaunchedService service, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        string last = "no answer yet";
        while (time.GetElapsedTime(started) < spec.ReadyTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (service.HasExited)
            {
                throw new InfrastructureException($"service '{spec.Name}' exited before it was ready; see {service.LogPath}");
            }
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                using var response = await http.GetAsync(readyUrl, attempt.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return time.GetElapsedTime(started);
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
            }
            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
        throw new InfrastructureException(
            $"service '{spec.Name}' was not ready at {readyUrl} within {spec.ReadyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (last: {last}); see {service.LogPath}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
