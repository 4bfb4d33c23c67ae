using Harness.Orchestration.Monitoring;

namespace Harness.Cli.Live;

/// <summary>
/// Watches a run for plain output: every <see cref="Interval"/> it writes the <see cref="StatusLine"/> through
/// the console's progress (so it is redacted and timestamped like every other line).
/// </summary>
internal sealed class PlainStatus(TimeProvider time, Action<string> progress) : IRunObserver, IDisposable
{
    /// <summary>Often enough to follow a run in a CI log, rarely enough not to drown the event lines.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private ITimer? _timer;

    public void Started(RunMonitor monitor)
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = time.CreateTimer(_ => progress(StatusLine.Format(monitor.Snapshot())), null, Interval, Interval);
        }
    }

    public void Ended(RunMonitor monitor) => Dispose();

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
