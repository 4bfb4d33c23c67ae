using System.Globalization;
using Harness.Metrics;
using Harness.Metrics.Thresholds;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>
/// Checks the thresholds marked <c>abort_on_fail</c> once a second while the run goes on; the first one
/// violated (after its delay) stops the run, with the threshold and the observed value as the reason.
/// </summary>
internal sealed class ThresholdAborter(
    Scenario scenario,
    MetricStore store,
    TimeProvider time,
    RunState state,
    CancellationTokenSource abort,
    Action<string> progress
)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private Task _loop = Task.CompletedTask;
    private CancellationTokenSource? _stop;

    public string? Reason { get; private set; }

    public void Start(CancellationToken run)
    {
        var watched = scenario.Thresholds.Where(t => t.AbortOnFail).ToList();
        if (watched.Count == 0)
            return;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(run);
        var started = time.GetUtcNow();
        _loop = LoopAsync(watched, started, _stop.Token);
    }

    private async Task LoopAsync(List<ThresholdSpec> watched, DateTimeOffset started, CancellationToken token)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Interval, time, token).ConfigureAwait(false);
                var elapsed = time.GetUtcNow() - started;
                foreach (var threshold in watched.Where(t => elapsed >= t.AbortDelay))
                {
                    var phase = threshold.Expression.Phase;
                    if (phase is not null && !state.HasEntered(phase))
                        continue;
                    var outcome = ThresholdEvaluator.Evaluate(threshold.Expression, threshold.Probe, threshold.Tags, store, elapsed);
                    if (outcome.Observed is null || outcome.Passed)
                        continue;
                    var e = threshold.Expression;
                    var observed = Reports.ReportFormat.Measured(outcome.Observed.Value, e.Metric, e.AggregationText);
                    Reason = string.Create(
                        CultureInfo.InvariantCulture,
                        $"aborted at +{elapsed.TotalSeconds:0.#}s: threshold '{threshold.Source}' of {threshold.Probe} failed (observed {observed})"
                    );
                    progress(Reason);
                    await abort.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    public async Task StopAsync()
    {
        if (_stop is null)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _stop = null;
    }
}
