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
    private int _untetheredWarned;

    /// <summary>Masks secrets in every line a service prints, before its log artifact gets it.</summary>
    public Func<string, string> Redact { get; init; } = static line => line;

    /// <summary>Put before every service's command (packet mode: <c>ip netns exec NAMESPACE</c>).</summary>
    public IReadOnlyList<string> CommandPrefix { get; init; } = [];

    /// <summary>What <c>${service_address}</c> expands to.</summary>
    public string ServiceAddress { get; init; } = ServiceSpec.LoopbackAddress;

    /// <summary>
    /// Per service, what <c>${service_address}</c> expands to (packet mode: its link's address); null: <see cref="ServiceAddress"/>.
    /// </summary>
    public Func<ServiceSpec, string>? AddressOf { get; init; }

    private string Address(ServiceSpec spec) => AddressOf?.Invoke(spec) ?? ServiceAddress;

    /// <summary>Spawns the process; the caller owns the result (and stops it) even if it never becomes ready.</summary>
    public LaunchedService Start(ServiceSpec spec, string artifactsDirectory)
    {
        if (!Directory.Exists(spec.WorkingDirectory))
        {
            throw new InfrastructureException($"service '{spec.Name}': working directory {spec.WorkingDirectory} does not exist");
        }
        var port = spec.Port ?? FreePort();
        string Expand(string text) => ServiceSpec.ExpandAddress(ServiceSpec.ExpandPort(text, port), Address(spec));
        var command = CommandPrefix.Concat(spec.Command).ToList();
        var info = new ProcessStartInfo(Expand(command[0]))
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1))
            info.ArgumentList.Add(Expand(arg));
        foreach (var (key, value) in spec.Environment)
            info.Environment[key] = Expand(value);
        var tethered = Tether(spec, info);
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
            log.Dispose();
            throw new InfrastructureException(
                $"service '{spec.Name}': cannot start '{Expand(spec.Command[0])}' in {spec.WorkingDirectory}: {e.Message}",
                e
            );
        }
        var service = new LaunchedService(spec.Name, process, port, logPath, log) { Tethered = tethered, Redact = Redact };
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        progress(
            $"service {spec.Name}: started pid {process.Id.ToString(CultureInfo.InvariantCulture)} on port {port.ToString(CultureInfo.InvariantCulture)}"
        );
        return service;
    }

    /// <summary>Waits until the service answers its ready URL with 2xx; a service without one is ready at once.</summary>
    public async Task WaitReadyAsync(ServiceSpec spec, LaunchedService service, CancellationToken cancellationToken)
    {
        if (spec.ReadyUrl is null)
            return;
        var readyUrl = new Uri(ServiceSpec.ExpandAddress(ServiceSpec.ExpandPort(spec.ReadyUrl, service.Port!.Value), Address(spec)));
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
                if (response.IsSuccessStatusCode)
                {
                    service.ReadyAfter = time.GetElapsedTime(started);
                    progress(
                        $"service {spec.Name}: ready after {service.ReadyAfter.Value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
                    );
                    return;
                }
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
            }
            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
        throw new InfrastructureException(
            $"service '{spec.Name}' was not ready at {readyUrl} within {spec.ReadyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (last: {last}); see {service.LogPath}"
        );
    }

    /// <summary>Wraps the command so the service (and its children) die with the harness; false where that is not possible.</summary>
    private bool Tether(ServiceSpec spec, ProcessStartInfo info)
    {
        if (!ServiceTether.Available)
        {
            if (Interlocked.Exchange(ref _untetheredWarned, 1) == 0)
            {
                progress(
                    OperatingSystem.IsLinux()
                        ? "warning: setsid (util-linux) not found: launched services will outlive the harness if it is killed"
                        : "warning: launched services outlive the harness if it is killed (only Linux ties them to it)"
                );
            }
            return false;
        }
        var executable = ServiceTether.Resolve(info.FileName)
            ?? throw new InfrastructureException(
                $"service '{spec.Name}': cannot start '{info.FileName}' in {spec.WorkingDirectory}: no such executable"
            );
        ServiceTether.Apply(info, executable);
        return true;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
