using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.Load;

/// <summary>
/// Drives load with one of k6's executors; each iteration is an HTTP request or a WebSocket session. Emits
/// vus, iterations, iteration_duration and dropped_iterations plus the http_*/ws_* samples of the iterations,
/// aggregated per <see cref="LoadProbeOptions.FlushInterval"/> when the sink accepts histograms
/// (see <see cref="SampleAggregator"/>). Ends when the executor is done, or when cancelled.
/// </summary>
public sealed class LoadProbe : IProbe
{
    private readonly LoadProbeOptions _options;

    public LoadProbe(LoadProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public string Name => _options.Name;

    public async Task RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var time = context.Time;
        var aggregator = context.Sink is IHistogramSink histograms ? new SampleAggregator(context.Sink, histograms, time) : null;
        var samples = new SampleWriter(aggregator is null ? context : context with { Sink = aggregator }, Name);

        using var budget = new IterationBudget(_options.Iterations);
        using var timeUp = new CancellationTokenSource(_options.Executor.TotalDuration, time);
        using var graceOver = new CancellationTokenSource(_options.Executor.TotalDuration + _options.GracefulStop, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeUp.Token, budget.Exhausted);
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, graceOver.Token);
        await using var iteration = CreateIteration(context, samples);
        var run = new LoadRun(iteration, samples, budget, stop.Token, hardStop.Token);

        using var flushing = new CancellationTokenSource();
        var flusher = aggregator is null ? Task.CompletedTask : FlushLoopAsync(aggregator, time, flushing.Token);
        await ExecuteAsync(run).ConfigureAwait(false);
        await flushing.CancelAsync().ConfigureAwait(false);
        await flusher.ConfigureAwait(false);
        aggregator?.Flush();
    }

    private Task ExecuteAsync(LoadRun run) =>
        _options.Executor switch
        {
            ConstantVus c => new VusExecutor(VuTargets.For(c)).RunAsync(run),
            RampingVus r => new VusExecutor(VuTargets.For(r)).RunAsync(run),
            ConstantArrivalRate c => new ArrivalRateExecutor(ArrivalSchedule.For(c), c.PreAllocatedVus, c.MaxVus).RunAsync(run),
            RampingArrivalRate r => new ArrivalRateExecutor(ArrivalSchedule.For(r), r.PreAllocatedVus, r.MaxVus).RunAsync(run),
            _ => throw new NotSupportedException($"executor {_options.Executor.Kind}"),
        };

    private ILoadIteration CreateIteration(ProbeContext context, SampleWriter samples) =>
        _options.Http is { } http
            ? new HttpLoadIteration(http, context, samples)
            : new WebSocketLoadIteration(_options.WebSocket!, _options.SessionDuration, context, samples);

    private async Task FlushLoopAsync(SampleAggregator aggregator, TimeProvider time, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.FlushInterval, time);
        while (await timer.NextTickAsync(stop).ConfigureAwait(false))
            aggregator.Flush();
    }
}
