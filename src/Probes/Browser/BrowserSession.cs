using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>One iteration's browser context and page, with tracing, init scripts and (optionally) video.</summary>
internal sealed class BrowserSession(IBrowserContext context, IPage page, BrowserRun run, bool tracing)
{
    public IBrowserContext Context => context;

    public IPage Page => page;

    /// <summary>The page's emulated network, shared by network steps and timeline events (one CDP session).</summary>
    public NetworkEmulation Network { get; } = new(context, page);

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, ParticipantPlan plan, BrowserRun run, string? videoDirectory)
    {
        var capture = run.Options.Capture;
        var viewport = new ViewportSize { Width = plan.Viewport.Width, Height = plan.Viewport.Height };
        var context = await browser
            .NewContextAsync(
                new()
                {
                    BaseURL = plan.BaseUrl.ToString(),
                    ViewportSize = viewport,
                    UserAgent = plan.UserAgent,
                    RecordVideoDir = videoDirectory,
                    RecordVideoSize = videoDirectory is null
                        ? null
                        : new RecordVideoSize { Width = viewport.Width, Height = viewport.Height },
                    ExtraHTTPHeaders = run.Options.PassAttributes.HasFlag(AttributeDelivery.Header)
                        ? ParticipantAttributes.Headers(plan.Tags)
                        : null,
                }
            )
            .ConfigureAwait(false);
        try
        {
            var timeoutMs = (float)run.Options.StepTimeout.TotalMilliseconds;
            context.SetDefaultTimeout(timeoutMs);
            context.SetDefaultNavigationTimeout(timeoutMs);
            var tracing = capture.Trace != ArtifactMode.Never && run.Options.ArtifactsDirectory is not null;
            if (tracing)
                await context
                    .Tracing.StartAsync(
                        new()
                        {
                            Screenshots = true,
                            Snapshots = true,
                            Title = $"{run.ProbeName} {plan.Name}",
                        }
                    )
                    .ConfigureAwait(false);
            if (capture.WebVitals)
                await context.AddInitScriptAsync(PageMetrics.VitalsScript).ConfigureAwait(false);
            if (run.Options.PassAttributes.HasFlag(AttributeDelivery.Script))
                await context.AddInitScriptAsync(ParticipantAttributes.Script(plan.Tags)).ConfigureAwait(false);
            var page = await context.NewPageAsync().ConfigureAwait(false);
            return new BrowserSession(context, page, run, tracing);
        }
        catch
        {
            await Quietly.RunAsync(() => context.CloseAsync(), run.Time).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the context so that whatever the page is doing fails at once (used when the run is cancelled).</summary>
    public void Abort() => _ = Quietly.RunAsync(() => context.CloseAsync(), run.Time);

    /// <summary>Saves the trace and video as the capture options say, then closes the context.</summary>
    public async Task FinishAsync(bool failed, ArtifactStore store)
    {
        var capture = run.Options.Capture;
        if (tracing)
        {
            var path = Wanted(capture.Trace, failed) ? store.PathFor("trace", "zip") : null;
            var saved = await Quietly.RunAsync(() => context.Tracing.StopAsync(new() { Path = path }), run.Time).ConfigureAwait(false);
            if (saved && path is not null)
                store.Add(BrowserArtifactKind.Trace, path, null);
        }
        var video = page.Video;
        await Quietly.RunAsync(() => context.CloseAsync(), run.Time).ConfigureAwait(false);
        if (video is not null)
            await KeepVideoAsync(video, Wanted(capture.Video, failed), store).ConfigureAwait(false);
    }

    public static bool Wanted(ArtifactMode mode, bool failed) => mode == ArtifactMode.Always || (mode == ArtifactMode.OnFailure && failed);

    private async Task KeepVideoAsync(IVideo video, bool keep, ArtifactStore store)
    {
        string? recorded = null;
        if (
            !await Quietly.RunAsync(async () => recorded = await video.PathAsync().ConfigureAwait(false), run.Time).ConfigureAwait(false)
            || recorded is null
            || !File.Exists(recorded)
        )
            return;
        try
        {
            if (!keep)
            {
                File.Delete(recorded);
                return;
            }
            var path = store.PathFor("video", "webm");
            File.Move(recorded, path, overwrite: true);
            store.Add(BrowserArtifactKind.Video, path, null);
        }
        catch (IOException ex)
        {
            run.Report.Note($"video not kept: {ex.Message}");
        }
    }
}
