using System.Diagnostics;

namespace Harness.Orchestration;

/// <summary>A process the run started; owns its output log and stops it (with all its children) on dispose.</summary>
internal sealed class LaunchedService(string name, Process process, int? port, string logPath, StreamWriter log) : IAsyncDisposable
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);
    private readonly object _logGate = new();

    public string Name { get; } = name;

    public int? Port { get; } = port;

    public string LogPath { get; } = logPath;

    public int ProcessId { get; } = process.Id;

    public TimeSpan? ReadyAfter { get; set; }

    public int? ExitCode { get; private set; }

    public bool HasExited => process.HasExited;

    public void Append(string? line)
    {
        if (line is null) return;
        lock (_logGate) log.WriteLine(line);
    }

    // SIGTERM first so the service can shut down and flush its output; the whole tree is killed if it lingers.
    private async Task<bool> StopGracefullyAsync()
    {
        try
        {
            using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (term is null) return false;
            await term.WaitForExitAsync().ConfigureAwait(false);
            using var grace = new CancellationTokenSource(GracePeriod);
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited && await StopGracefullyAsync().ConfigureAwait(false) is false) process.Kill(entireProcessTree: true);
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(bounded.Token).ConfigureAwait(false);
            ExitCode = process.ExitCode;
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            Append($"[harness] could not confirm the process stopped: {e.Message}");
        }
        finally
        {
            lock (_logGate) log.Dispose();
            process.Dispose();
        }
    }
}
