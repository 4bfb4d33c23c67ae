namespace Harness.Orchestration.Monitoring;

/// <summary>
/// Watches a run while it goes on (the console's live view, its periodic status line). The runner calls
/// <see cref="Started"/> as the run begins and <see cref="Ended"/> once the timeline and probes have stopped;
/// between the two, and after, <see cref="RunMonitor.Snapshot"/> may be called from any thread.
/// </summary>
public interface IRunObserver
{
    void Started(RunMonitor monitor);

    /// <summary>The monitor's snapshots no longer change: the run's figures are final.</summary>
    void Ended(RunMonitor monitor);
}
