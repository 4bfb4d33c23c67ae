namespace Harness.Probes.Load;

/// <summary>
/// Closed model (constant-vus, ramping-vus): VUs loop iterations back to back. Every ramp tick (scheduled from the
/// start, so ticks do not drift) the VU count is moved to the target; a VU ramped down finishes its current
/// iteration first (k6's gracefulRampDown). Ends when the stages are over, the budget is spent or the run stops,
/// then waits for every VU's last iteration (which <see cref="LoadRun.HardStop"/> bounds).
/// </summary>
internal sealed class VusExecutor(VuTargets targets)
{
    public async Task RunAsync(LoadRun run)
    {
        var start = run.Time.GetTimestamp();
        var active = new List<CancellationTokenSource>();
        var loops = new List<Task>();
        for (long tick = 0; ; tick++)
        {
            var at = LoadDefaults.RampTick * tick;
            if (at >= targets.Duration || !await run.WaitUntilAsync(start, at).ConfigureAwait(false))
                break;
            var target = targets.At(at);
            while (active.Count < target)
            {
                var retire = new CancellationTokenSource();
                loops.Add(LoopAsync(run, active.Count, retire.Token));
                active.Add(retire);
            }
            while (active.Count > target)
            {
                await active[^1].CancelAsync().ConfigureAwait(false);
                active.RemoveAt(active.Count - 1);
            }
            run.ReportVus(active.Count);
        }
        foreach (var retire in active)
            await retire.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);
        run.ReportVus(0);
    }

    private static async Task LoopAsync(LoadRun run, int vu, CancellationToken retire)
    {
        await Task.Yield(); // the executor goes on adding VUs while this one starts
        while (!retire.IsCancellationRequested && !run.Stop.IsCancellationRequested && run.Budget.TryTake())
            await run.RunIterationAsync(vu).ConfigureAwait(false);
    }
}
