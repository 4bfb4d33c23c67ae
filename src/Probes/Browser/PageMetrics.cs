using System.Text.Json;
using Harness.Probes.Abstractions;
using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>
/// Navigation Timing after each goto (browser_ttfb, browser_load) and web vitals per document (browser_lcp,
/// browser_cls, browser_inp) from observers that <see cref="VitalsScript"/> installs before any page script runs.
/// </summary>
internal sealed class PageMetrics(IPage page, BrowserRun run, ParticipantSamples samples)
{
    /// <summary>
    /// LCP: the latest largest-contentful-paint entry. CLS: the largest session window of unexpected shifts
    /// (gaps under 1 s, windows under 5 s), as web-vitals defines it. INP: the longest interaction seen (a
    /// simplification of the 98th percentile that is exact below 50 interactions).
    /// </summary>
    public const string VitalsScript = """
        (() => {
          if (window.__harnessVitals) return;
          const v = window.__harnessVitals = { lcp: null, cls: null, inp: null, read: false };
          const observe = (type, onEntry, extra) => {
            try { new PerformanceObserver(list => list.getEntries().forEach(onEntry)).observe(Object.assign({ type, buffered: true }, extra)); }
            catch (e) { /* entry type not supported here */ }
          };
          observe('largest-contentful-paint', e => { v.lcp = e.startTime; });
          let session = 0, first = 0, last = 0;
          v.cls = 0;
          observe('layout-shift', e => {
            if (e.hadRecentInput) return;
            if (session && e.startTime - last < 1000 && e.startTime - first < 5000) session += e.value;
            else { session = e.value; first = e.startTime; }
            last = e.startTime;
            v.cls = Math.max(v.cls, session);
          });
          observe('event', e => { if (e.interactionId) v.inp = Math.max(v.inp || 0, e.duration); }, { durationThreshold: 16 });
        })();
        """;

    private const string ReadVitals =
        "() => { const v = window.__harnessVitals; if (!v || v.read || location.protocol === 'about:') return null; v.read = true; return { lcp: v.lcp, cls: v.cls, inp: v.inp }; }";

    private const string ReadNavigation = """
        () => {
          const n = performance.getEntriesByType('navigation')[0];
          if (!n) return null;
          return { ttfb: Math.max(n.responseStart - (n.activationStart || 0), 0), load: n.loadEventEnd > 0 ? n.loadEventEnd : n.loadEventStart };
        }
        """;

    public async Task RecordNavigationAsync()
    {
        if (!run.Options.Capture.NavigationTiming)
            return;
        var timing = await ReadAsync(ReadNavigation).ConfigureAwait(false);
        var tags = samples.TagsNow();
        if (Number(timing, "ttfb") is { } ttfb)
            samples.Add(MetricNames.BrowserTtfb, ttfb, tags);
        if (Number(timing, "load") is { } load && load > 0)
            samples.Add(MetricNames.BrowserLoad, load, tags);
    }

    /// <summary>Emits the current document's vitals once (later calls for the same document do nothing).</summary>
    public async Task FlushVitalsAsync()
    {
        if (!run.Options.Capture.WebVitals)
            return;
        var vitals = await ReadAsync(ReadVitals).ConfigureAwait(false);
        var tags = samples.TagsNow();
        if (Number(vitals, "lcp") is { } lcp)
            samples.Add(MetricNames.BrowserLcp, lcp, tags);
        if (Number(vitals, "cls") is { } cls)
            samples.Add(MetricNames.BrowserCls, cls, tags);
        if (Number(vitals, "inp") is { } inp)
            samples.Add(MetricNames.BrowserInp, inp, tags);
    }

    // Measurements are best-effort: a page that is gone or busy yields no sample, never a failed step.
    private async Task<JsonElement?> ReadAsync(string script)
    {
        JsonElement? result = null;
        await Quietly
            .RunAsync(async () => result = await page.EvaluateAsync<JsonElement?>(script).ConfigureAwait(false), run.Time)
            .ConfigureAwait(false);
        return result;
    }

    private static double? Number(JsonElement? obj, string name) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number
            ? p.GetDouble()
            : null;
}
