using Harness.Orchestration.Monitoring;
using Spectre.Console;

namespace Harness.Cli.Live;

/// <summary>
/// The live view of one run on a terminal's stderr, redrawn about twice a second from the run monitor's
/// snapshots; progress lines shown under it. It ends (the final frame stays, the cursor comes back) when disposed
/// or as soon as the run is interrupted, so a second Ctrl-C never leaves a hidden cursor; from then on the
/// console prints plain lines again. Errors reported while it shows are printed under the final frame.
/// </summary>
internal sealed class LiveView : IRunObserver, IAsyncDisposable
{
    public static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    /// <summary>Progress lines kept under the tables: the latest few, enough to see what the runner just did.</summary>
    private const int LogLines = 6;

    private readonly IAnsiConsole _console;
    private readonly TimeProvider _time;
    private readonly Func<string, string> _redact;
    private readonly object _gate = new();
    private readonly Queue<string> _log = new();
    private readonly List<string> _errors = [];
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private volatile RunMonitor? _monitor;
    private bool _showing = true;

    public LiveView(IAnsiConsole console, TimeProvider time, Func<string, string> redact, CancellationToken interrupt)
    {
        (_console, _time, _redact) = (console, time, redact);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        _loop = Task.Run(() => ShowAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Completes once the view has ended (disposed or interrupted) and the terminal is restored.</summary>
    public Task Completion => _loop;

    public void Started(RunMonitor monitor) => _monitor = monitor;

    public void Ended(RunMonitor monitor) => _monitor = monitor;

    /// <summary>Takes a progress line (already redacted); false once the view has ended, so the caller prints it plainly.</summary>
    public bool TryShow(string line)
    {
        lock (_gate)
        {
            if (!_showing)
                return false;
            Append(line);
            return true;
        }
    }

    private void Append(string line)
    {
        _log.Enqueue(line);
        while (_log.Count > LogLines)
            _log.Dequeue();
    }

    /// <summary>
    /// Takes an error line; false once the view has ended. Shown in the log now and printed in full after the final frame.
    /// </summary>
    public bool TryShowError(string line)
    {
        lock (_gate)
        {
            if (!_showing)
                return false;
            _errors.Add(line);
            Append(line);
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ShowAsync(CancellationToken stop)
    {
        try
        {
            await _console
                .Live(Frame())
                .AutoClear(false)
                .Overflow(VerticalOverflow.Ellipsis)
                .Cropping(VerticalOverflowCropping.Top)
                .StartAsync(async context =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        context.UpdateTarget(Frame());
                        context.Refresh();
                        try
                        {
                            await Task.Delay(Refresh, _time, stop).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) { }
                    }
                    // The last frame stays on screen (the run's final figures) and holds every line taken before it.
                    lock (_gate)
                        _showing = false;
                    context.UpdateTarget(Frame());
                    context.Refresh();
                })
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A terminal the view cannot drive must not cost the run: progress falls back to plain lines.
            _console.Profile.Out.Writer.WriteLine(
                _redact($"harness: live view stopped ({e.GetType().Name}: {e.Message}); plain progress lines follow")
            );
        }
        finally
        {
            List<string> errors;
            lock (_gate)
            {
                _showing = false;
                errors = [.. _errors];
            }
            foreach (var error in errors)
                _console.Profile.Out.Writer.WriteLine(error);
        }
    }

    private Spectre.Console.Rendering.IRenderable Frame()
    {
        List<string> log;
        lock (_gate)
            log = [.. _log];
        return LiveRenderer.Render(_monitor?.Snapshot(), log, _redact);
    }
}
