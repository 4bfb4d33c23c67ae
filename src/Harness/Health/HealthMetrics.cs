using Harness.Probes.Abstractions;

namespace Harness.Health;

/// <summary>The harness's own measurement-health metrics (sampled by <see cref="HealthSampler"/>), with their units.</summary>
public static class HealthMetrics
{
    /// <summary>The probe name health samples carry; they live in a store of their own, so it never meets a scenario's probe.</summary>
    public const string Source = "harness";

    /// <summary>The harness process's CPU over the last second, in % of the whole machine (all cores = 100 %).</summary>
    public const string Cpu = "harness_cpu";

    /// <summary>Work items queued on the .NET thread pool, waiting for a thread.</summary>
    public const string ThreadPoolQueue = "harness_threadpool_queue";

    /// <summary>Thread-pool threads.</summary>
    public const string Threads = "harness_threads";

    /// <summary>How late a 100 ms tick fired, in ms: what every probe's timers and continuations suffer too.</summary>
    public const string TimerLag = "harness_timer_lag";

    /// <summary>Time the garbage collector paused the process during the last second, in ms.</summary>
    public const string GcPause = "harness_gc_pause";

    /// <summary>The machine's 1-minute load average (runnable and uninterruptible tasks), from /proc/loadavg.</summary>
    public const string Load = "harness_load";

    /// <summary>The 1-minute load average divided by the core count.</summary>
    public const string LoadPerCore = "harness_load_per_core";

    public static IReadOnlyDictionary<string, MetricInfo> All { get; } =
        new Dictionary<string, MetricInfo>(StringComparer.Ordinal)
        {
            [Cpu] = new(MetricKind.Trend, "%"),
            [ThreadPoolQueue] = new(MetricKind.Trend, ""),
            [Threads] = new(MetricKind.Trend, ""),
            [TimerLag] = new(MetricKind.Trend, "ms"),
            [GcPause] = new(MetricKind.Trend, "ms"),
            [Load] = new(MetricKind.Trend, ""),
            [LoadPerCore] = new(MetricKind.Trend, ""),
        };
}
