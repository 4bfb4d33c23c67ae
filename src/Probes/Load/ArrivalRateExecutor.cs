using Harness.Probes.Abstractions;

namespace Harness.Probes.Load;

/// <summary>
/// Open model (constant-arrival-rate, ramping-arrival-rate): starts each iteration when the schedule says,
/// whatever the target's speed, on a free VU from the pool. An iteration due while every VU is busy and the pool
/// is at its maximum is not started and counts as dropped_iterations (k6's semantics).
/// </summary>
internal sealed class ArrivalRateExecutor(ArrivalSchedule schedule, int preAllocatedVus, int maxVus)
{
    public async Task RunAsync(LoadRun run)
    {
        var pool = new VuPool(preAllocatedVus, maxVus);
        var inFlight = new InFlight();
        var start = run.Time.GetTimestamp();
        foreach (var offset in schedule.Offsets())
        {
            if (!await run.WaitUntilAsync(start, offset).ConfigureAwait(false))
                break;
            if (!pool.TryAcquire(out var vu))
            {
                run.Samples.Add(MetricNames.DroppedIterations, 1, run.Samples.TagsNow());
                continue;
            }
            if (!run.Budget.TryTake())
            {
                pool.Release(vu);
                break;
            }
            inFlight.Start();
            run.ReportVus(pool.Busy);
            _ = RunOneAsync(run, pool, vu, inFlight);
        }
        await inFlight.WhenIdleAsync().ConfigureAwait(false);
        run.ReportVus(0);
    }

    private static async Task RunOneAsync(LoadRun run, VuPool pool, int vu, InFlight inFlight)
    {
        try
        {
            await Task.Yield(); // never run an iteration's synchronous start on the scheduler's time
            await run.RunIterationAsync(vu).ConfigureAwait(false);
        }
        finally
        {
            pool.Release(vu);
            run.ReportVus(pool.Busy);
            inFlight.Done();
        }
    }
}
