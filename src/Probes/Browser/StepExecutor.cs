using System.Diagnostics;
using System.Globalization;
using Harness.Probes.Internal;
using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>Carries out one step on the page; a failed step throws (Playwright's exception or <see cref="StepFailedException"/>).</summary>
internal sealed partial class StepExecutor(
    BrowserSession session,
    ParticipantPlan plan,
    BrowserRun run,
    ParticipantSamples samples,
    ArtifactStore store
)
{
    private readonly PageMetrics _metrics = new(session.Page, run, samples);

    private IPage Page => session.Page;

    public Task FlushVitalsAsync() => _metrics.FlushVitalsAsync();

    public Task RunAsync(BrowserStep step, int index, CancellationToken cancellationToken)
    {
        var timeout = step.Timeout ?? run.Options.StepTimeout;
        var ms = (float)timeout.TotalMilliseconds;
        return step switch
        {
            GotoStep s => GotoAsync(s, ms),
            ClickStep s => Page.Locator(s.Selector).ClickAsync(new() { Timeout = ms }),
            FillStep s => Page.Locator(s.Selector).FillAsync(s.Value, new() { Timeout = ms }),
            PressStep s => Page.Locator(s.Selector).PressAsync(s.Key, new() { Timeout = ms }),
            SelectStep s => Page.Locator(s.Selector).SelectOptionAsync(s.Values, new() { Timeout = ms }),
            WaitForStep s => WaitForAsync(s, ms),
            WaitStep s => run.Time.DelayAsync(s.Duration, cancellationToken),
            ScreenshotStep s => ScreenshotAsync(s, index, ms),
            NetworkStep s => session.Network.ApplyAsync(s),
            ExpectTextStep or ExpectVisibleStep or ExpectHiddenStep or ExpectUrlStep or ExpectTitleStep => ExpectAsync(step, ms),
            EvaluateStep s => EvaluateAsync(s, timeout, cancellationToken),
            RecordStep s => RecordAsync(s, timeout, cancellationToken),
            _ => throw new UnreachableException($"unknown step {step.GetType().Name}"),
        };
    }

    private async Task GotoAsync(GotoStep step, float ms)
    {
        await _metrics.FlushVitalsAsync().ConfigureAwait(false); // the document being left has its final values now
        var url = run.Options.PassAttributes.HasFlag(AttributeDelivery.Query)
            ? ParticipantAttributes.WithQuery(new Uri(plan.BaseUrl, step.Url), plan.Tags).ToString()
            : step.Url;
        var response = await Page.GotoAsync(url, new() { Timeout = ms, WaitUntil = WaitUntil(step.WaitUntil) }).ConfigureAwait(false);
        if (response is { Status: >= 400 } r)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"HTTP {r.Status} {r.StatusText} for {r.Url}");
            throw new StepFailedException(message) { Status = r.Status };
        }
        await _metrics.RecordNavigationAsync().ConfigureAwait(false);
    }

    private Task WaitForAsync(WaitForStep step, float ms)
    {
        if (step.Selector is { } selector)
            return Page.Locator(selector).WaitForAsync(new() { State = State(step.State), Timeout = ms });
        if (step.Url is { } url)
            return Page.WaitForURLAsync(url, new() { Timeout = ms });
        return Page.WaitForLoadStateAsync(LoadState(step.LoadState!.Value), new() { Timeout = ms });
    }

    private async Task ScreenshotAsync(ScreenshotStep step, int index, float ms)
    {
        var path = store.PathFor(string.Create(CultureInfo.InvariantCulture, $"step{index:D2}-{step.Name}"), "png");
        await Page.ScreenshotAsync(
                new()
                {
                    Path = path,
                    FullPage = step.FullPage,
                    Timeout = ms,
                }
            )
            .ConfigureAwait(false);
        store.Add(BrowserArtifactKind.Screenshot, path, index);
    }

    private static WaitUntilState WaitUntil(BrowserLoadState state) =>
        state switch
        {
            BrowserLoadState.DomContentLoaded => WaitUntilState.DOMContentLoaded,
            BrowserLoadState.NetworkIdle => WaitUntilState.NetworkIdle,
            _ => WaitUntilState.Load,
        };

    private static LoadState LoadState(BrowserLoadState state) =>
        state switch
        {
            BrowserLoadState.DomContentLoaded => Microsoft.Playwright.LoadState.DOMContentLoaded,
            BrowserLoadState.NetworkIdle => Microsoft.Playwright.LoadState.NetworkIdle,
            _ => Microsoft.Playwright.LoadState.Load,
        };

    private static WaitForSelectorState State(ElementState state) =>
        state switch
        {
            ElementState.Hidden => WaitForSelectorState.Hidden,
            ElementState.Attached => WaitForSelectorState.Attached,
            ElementState.Detached => WaitForSelectorState.Detached,
            _ => WaitForSelectorState.Visible,
        };
}
