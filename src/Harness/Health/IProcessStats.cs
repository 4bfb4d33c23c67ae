namespace Harness.Health;

/// <summary>Cumulative and current figures of the harness process; behind an interface so the sampler is tested with fakes.</summary>
public interface IProcessStats
{
    /// <summary>CPU time the process has used since it started (all threads, user and kernel).</summary>
    TimeSpan CpuTime { get; }

    /// <summary>Time the garbage collector has paused the process since it started.</summary>
    TimeSpan GcPauseTotal { get; }

    /// <summary>Work items waiting in the thread pool's queues.</summary>
    long ThreadPoolQueue { get; }

    /// <summary>Thread-pool threads now.</summary>
    int ThreadCount { get; }
}

/// <summary>The real process, from the runtime's own counters (each read costs well under a microsecond).</summary>
internal sealed class RuntimeProcessStats : IProcessStats
{
    public TimeSpan CpuTime => Environment.CpuUsage.TotalTime;

    public TimeSpan GcPauseTotal => GC.GetTotalPauseDuration();

    public long ThreadPoolQueue => ThreadPool.PendingWorkItemCount;

    public int ThreadCount => ThreadPool.ThreadCount;
}
