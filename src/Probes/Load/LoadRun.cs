using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.Load;

/// <summary>
/// What every executor shares during one run: the iteration, the sample writer, the iteration budget, and two
/// stops. <see cref="Stop"/> ends the starting of iterations (time up, budget spent or run cancelled);
/// <see cref="HardStop"/> also cuts iterations in flight (graceful stop over, or run cancelled).
/// </summary>
internal sealed class LoadRun(
    ILoadIteration iteration,
    SampleWriter samples,
    IterationBudget budget,
    CancellationToken stop,
    CancellationToken hardStop
)
{
    private int _lastVus = -1;

    public TimeProvider Time => samples.Time;

    public SampleWriter Samples => samples;

    public IterationBudget Budget => budget;

    public CancellationToken Stop => stop;

    public CancellationToken HardStop => hardStop;

    /// <summary>Runs one iteration on <paramref name="vu"/> and emits iterations and iteration_duration unless it was cut short.</summary>
    public async Task RunIterationAsync(int vu)
    {
        var tags = samples.TagsNow();
        var started = Time.GetTimestamp();
        bool? result;
        try
        {
            result = await iteration.RunAsync(vu, hardStop).ConfigureAwait(false);
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            result = hardStop.IsCancellationRequested ? null : false; // an iteration's own failure is data, never the run's end
            if (result is not null)
                samples.Fail(MetricNames.Iterations, FailureReason.Classify(ex), FailureReason.Describe(ex), tags);
        }
        if (result is null)
            return;
        samples.Add(MetricNames.Iterations, 1, tags);
        samples.Add(MetricNames.IterationDuration, Time.ElapsedMs(started), tags);
    }

    /// <summary>Emits the vus gauge when the count changed since the last report.</summary>
    public void ReportVus(int vus)
    {
        if (Interlocked.Exchange(ref _lastVus, vus) != vus)
            samples.Add(MetricNames.Vus, vus, samples.TagsNow());
    }

    /// <summary>Waits until <paramref name="offset"/> after <paramref name="start"/>; false when <see cref="Stop"/> fired first.</summary>
    public async Task<bool> WaitUntilAsync(long start, TimeSpan offset)
    {
        var wait = offset - Time.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
            return await Time.DelayAsync(wait, stop).ConfigureAwait(false);
        return !stop.IsCancellationRequested;
    }
}
