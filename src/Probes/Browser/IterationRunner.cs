using System.Globalization;
using Harness.Probes.Abstractions;
using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>
/// One participant's pass through its steps in a fresh browser context: a sample per step, and at the first
/// failure a screenshot and a trace, after which the remaining steps are skipped. Never throws for the page.
/// </summary>
internal sealed partial class IterationRunner(ParticipantPlan plan, BrowserRun run, ParticipantSamples samples, int number)
{
    private readonly List<BrowserStepResult> _steps = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = run.Time;
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var store = new ArtifactStore(run, plan, number);
        var (session, error) = await OpenAsync(store).ConfigureAwait(false);
        if (session is null)
        {
            if (cancellationToken.IsCancellationRequested)
                return;
            var setup = samples
                .TagsNow()
                .With("step", "setup")
                .With("kind", "setup")
                .With("check", "open browser context")
                .With(Internal.SampleWriter.ErrorTag, Internal.FailureReason.Error);
            samples.Add(MetricNames.Checks, 0, setup);
            samples.Fail(MetricNames.Checks, Internal.FailureReason.Error, $"open browser context: {error}", setup);
            Record(startedAt, started, store, BrowserWebSocketStats.None, error);
            return;
        }

        // Registered before the first step, so a timeline event's network is in place when the page loads.
        using var live = await run.Network.AttachAsync(plan.Name, session.Network).ConfigureAwait(false);
        var capture = new PageCapture(session.Page, run, plan.Name, samples, number);
        using (cancellationToken.Register(session.Abort))
        {
            var executor = new StepExecutor(session, plan, run, samples, store);
            var failedAt = await RunStepsAsync(executor, cancellationToken).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                capture.Stop();
                Record(startedAt, started, store, BrowserWebSocketStats.None, _cutOff ?? "stopped before the steps finished");
                return;
            }
            if (failedAt is null)
                await executor.FlushVitalsAsync().ConfigureAwait(false);
            await ScreenshotAsync(session, store, failedAt).ConfigureAwait(false);
            var sockets = capture.Stop();
            await session.FinishAsync(failedAt is not null, store).ConfigureAwait(false);
            Record(startedAt, started, store, sockets, null);
        }
    }

    private async Task<(BrowserSession? Session, string? Error)> OpenAsync(ArtifactStore store)
    {
        try
        {
            var browser = await run.Pool.GetAsync(plan.Launch).ConfigureAwait(false);
            if (!run.RecordVideo)
                return (await BrowserSession.OpenAsync(browser, plan, run, null).ConfigureAwait(false), null);
            try
            {
                return (await BrowserSession.OpenAsync(browser, plan, run, store.Directory).ConfigureAwait(false), null);
            }
            catch (PlaywrightException ex) when (ex.Message.Contains("ffmpeg", StringComparison.OrdinalIgnoreCase))
            {
                run.VideoUnavailable(
                    "Playwright's ffmpeg is missing: apt-get install ffmpeg, then link /usr/bin/ffmpeg as "
                        + "ffmpeg-<revision>/ffmpeg-linux under PLAYWRIGHT_BROWSERS_PATH (default ~/.cache/ms-playwright; the revision is "
                        + "in .playwright/package/browsers.json)"
                );
                return (await BrowserSession.OpenAsync(browser, plan, run, null).ConfigureAwait(false), null);
            }
        }
        catch (Exception ex) when (Quietly.IsBrowserFailure(ex) || ex is BrowserUnavailableException or ObjectDisposedException)
        {
            return (null, Quietly.Cut(ex.Message));
        }
    }

    private async Task ScreenshotAsync(BrowserSession session, ArtifactStore store, int? failedAt)
    {
        if (!store.Enabled || !BrowserSession.Wanted(run.Options.Capture.Screenshot, failedAt is not null))
            return;
        var path = store.PathFor(failedAt is { } i ? string.Create(CultureInfo.InvariantCulture, $"step{i:D2}-failed") : "final", "png");
        var timeoutMs = (float)BrowserProbeDefaults.ArtifactTimeout.TotalMilliseconds;
        if (
            await Quietly
                .RunAsync(() => session.Page.ScreenshotAsync(new() { Path = path, Timeout = timeoutMs }), run.Time)
                .ConfigureAwait(false)
        )
            store.Add(BrowserArtifactKind.Screenshot, path, failedAt);
    }

    private void Record(DateTimeOffset startedAt, long started, ArtifactStore store, BrowserWebSocketStats sockets, string? error) =>
        run.Report.Add(
            new BrowserIterationResult(
                plan.Name,
                number,
                startedAt,
                run.Time.GetElapsedTime(started),
                [.. _steps],
                [.. store.Saved],
                sockets,
                error
            )
        );
}
