namespace Harness.Orchestration.Monitoring;

/// <summary>Fixed choices of the run monitor.</summary>
public static class MonitorDefaults
{
    /// <summary>
    /// How far back "current" percentiles and rates look: long enough to hold a few samples of a probe that
    /// measures every second, short enough that a phase change shows within a few refreshes.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    /// <summary>How long threshold states are reused at least: as often as the abort_on_fail checks judge them.</summary>
    public static readonly TimeSpan ThresholdRefresh = TimeSpan.FromSeconds(1);
}
