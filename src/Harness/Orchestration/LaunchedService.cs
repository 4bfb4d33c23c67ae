using System.Diagnostics;

namespace Harness.Orchestration;

/// <summary>A process the run started; owns its output log and stops it (with all its children) on dispose.</summary>
internal sealed class LaunchedService(string name, Process process, int? port, string logPath, StreamWriter log) : IAsyncDisposable
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);
    private readonly object _logGate = new();
    private readonly Queue<string> _tail = new();
    private volatile bool _stopping;
    private int _exitReported;
    private bool _logClosed;

    public string Name { get; } = name;

    public int? Port { get; } = port;

    public string LogPath { get; } = logPath;

    public int ProcessId { get; } = process.Id;

    public TimeSpan? ReadyAfter { get; set; }

    /// <summary>Masks secrets in each line of output before it is kept or written to the log.</summary>
    public Func<string, string> Redact { get; init; } = static line => line;

    /// <summary>Started under <see cref="ServiceTether"/>: its PID leads a process group that holds all it started.</summary>
    public bool Tethered { get; init; }

    public int? ExitCode { get; private set; }

    public bool HasExited => process.HasExited;

    /// <summary>The last lines of its output, oldest first.</summary>
    public IReadOnlyList<string> Tail
    {
        get
        {
            lock (_logGate)
                return _tail.ToList();
        }
    }

    public void Append(string? line)
    {
        if (line is null)
            return;
        line = Redact(line);
        lock (_logGate)
        {
            _tail.Enqueue(line);
            if (_tail.Count > ServiceExit.TailLines)
                _tail.Dequeue();
            if (!_logClosed)
                log.WriteLine(line);
        }
    }

    /// <summary>
    /// Calls <paramref name="exited"/> once (with the exit code) if the process ends before the run stops it; its output
    /// is drained first (for a bounded time), so <see cref="Tail"/> holds its last words.
    /// </summary>
    public void WatchExit(Action<LaunchedService, int?> exited)
    {
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _ = ReportExitAsync(exited);
        if (process.HasExited)
            _ = ReportExitAsync(exited);
    }

    private async Task ReportExitAsync(Action<LaunchedService, int?> exited)
    {
        if (_stopping || Interlocked.Exchange(ref _exitReported, 1) == 1)
            return;
        int? code = null;
        try
        {
            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await process.WaitForExitAsync(drain.Token).ConfigureAwait(false);
            code = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            code = process.ExitCode; // a child still holds its output open; the process itself has exited
        }
        catch (InvalidOperationException)
        {
            // Disposed meanwhile: the run is stopping it.
        }
        if (!_stopping)
            exited(this, code);
    }

    // SIGTERM first so the service can shut down and flush its output; the whole tree is killed if it lingers.
    private async Task<bool> StopGracefullyAsync()
    {
        try
        {
            using var term = Process.Start(
                new ProcessStartInfo("kill", ["-TERM", ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                {
                    UseShellExecute = false,
                }
            );
            if (term is null)
                return false;
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

    // The children a tethered service started live on in its group after it exits; its watchdog keeps the group id taken.
    private async Task KillLeftoversAsync()
    {
        if (!Tethered)
            return;
        try
        {
            await ServiceTether.KillGroupAsync(ProcessId).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Append($"[harness] could not stop the service's process group: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        try
        {
            if (!process.HasExited && await StopGracefullyAsync().ConfigureAwait(false) is false)
                process.Kill(entireProcessTree: true);
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
            await KillLeftoversAsync().ConfigureAwait(false);
            lock (_logGate)
            {
                _logClosed = true;
                log.Dispose();
            }
            process.Dispose();
        }
    }
}
