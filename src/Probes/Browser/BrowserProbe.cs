using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.Browser;

/// <summary>
/// Drives real Chromium pages: every participant runs the steps in its own browser context, through its own
/// routes, once or every <see cref="BrowserProbeOptions.Every"/>. Steps, navigation timing, web vitals, console
/// and page errors, failed requests and the page's WebSocket frames become samples; screenshots, traces and
/// messages go to <see cref="Report"/>. A failing page is data. Only a browser that cannot be found or
/// launched at the start throws (<see cref="BrowserUnavailableException"/>): nothing could be measured.
/// </summary>
public sealed class BrowserProbe : IPreparedProbe
{
    private readonly BrowserProbeOptions _options;
    private readonly BrowserPool? _pool;

    /// <param name="pool">Browsers to share with other probes; null launches (and closes) its own per run.</param>
    /// <param name="time">Bounds network changes pushed to pages (<see cref="Network"/>); null uses the system clock.</param>
    public BrowserProbe(BrowserProbeOptions options, BrowserPool? pool = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new ArgumentException($"browser probe '{options.Name}': {string.Join("; ", errors)}", nameof(options));
        _options = options;
        _pool = pool;
        Report = new BrowserProbeReport(options.Capture.MaxMessages);
        Network = new BrowserNetworkControl(options.Participants, time ?? TimeProvider.System);
    }

    public string Name => _options.Name;

    /// <summary>Iterations, step outcomes, artifacts and messages of every run so far.</summary>
    public BrowserProbeReport Report { get; }

    /// <summary>Changes the participants' emulated network while the probe runs (a scenario's browser_network event).</summary>
    public BrowserNetworkControl Network { get; }

    /// <summary>
    /// Launches every browser the participants need into the shared pool, so that launching is not timed inside a
    /// phase; <see cref="RunAsync"/> then finds them running. A probe with a pool of its own launches when it runs.
    /// </summary>
    public async Task PrepareAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_pool is null)
            return;
        foreach (var plan in ParticipantPlan.Expand(_options, context.Routes).Select(p => p.Launch).DistinctBy(l => l.Key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _pool.GetAsync(plan).ConfigureAwait(false);
        }
    }

    public async Task RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pool = _pool ?? new BrowserPool();
        try
        {
            var run = new BrowserRun(_options, Report, pool, new SampleWriter(context, Name), Network);
            var participants = ParticipantPlan.Expand(_options, context.Routes);
            if (_options.Browser.WsEndpoint is not null && participants.Any(p => p.Routes.All.Count > 0))
                Report.Note("host routes are not applied to a remote browser (ws_endpoint); its server must resolve the target's names");
            // Every browser starts before any participant does: a missing browser fails the run before it measures anything.
            foreach (var plan in participants.Select(p => p.Launch).DistinctBy(l => l.Key))
                await run.Pool.GetAsync(plan).ConfigureAwait(false);
            await Task.WhenAll(participants.Select(p => new ParticipantLoop(p, run).RunAsync(cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            if (_pool is null)
                await pool.DisposeAsync().ConfigureAwait(false);
        }
    }
}
