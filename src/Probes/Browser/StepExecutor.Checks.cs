using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.Probes.Internal;
using Microsoft.Playwright;

namespace Harness.Probes.Browser;

internal sealed partial class StepExecutor
{
    // Playwright's web-first assertions: retried until they hold or the step's timeout passes.
    private Task ExpectAsync(BrowserStep step, float ms) =>
        step switch
        {
            ExpectTextStep s when s.Exact => Assertions.Expect(Page.Locator(s.Selector)).ToHaveTextAsync(s.Text, new() { Timeout = ms }),
            ExpectTextStep s => Assertions.Expect(Page.Locator(s.Selector)).ToContainTextAsync(s.Text, new() { Timeout = ms }),
            ExpectVisibleStep s => Assertions.Expect(Page.Locator(s.Selector)).ToBeVisibleAsync(new() { Timeout = ms }),
            ExpectHiddenStep s => Assertions.Expect(Page.Locator(s.Selector)).ToBeHiddenAsync(new() { Timeout = ms }),
            ExpectUrlStep { IsRegex: true } s => Assertions.Expect(Page).ToHaveURLAsync(Pattern(s.Url), new() { Timeout = ms }),
            ExpectUrlStep s => Assertions.Expect(Page).ToHaveURLAsync(new Uri(plan.BaseUrl, s.Url).ToString(), new() { Timeout = ms }),
            ExpectTitleStep { IsRegex: true } s => Assertions.Expect(Page).ToHaveTitleAsync(Pattern(s.Title), new() { Timeout = ms }),
            ExpectTitleStep s => Assertions.Expect(Page).ToHaveTitleAsync(s.Title, new() { Timeout = ms }),
            _ => throw new ArgumentException($"not an expectation: {step.Kind}", nameof(step)),
        };

    /// <summary>Evaluates until the result equals the expected JSON value (or once, when nothing is expected).</summary>
    private async Task EvaluateAsync(EvaluateStep step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var time = run.Time;
        var started = time.GetTimestamp();
        while (true)
        {
            var remaining = timeout - time.GetElapsedTime(started);
            JsonElement? actual;
            try
            {
                actual = await Page.EvaluateAsync<JsonElement?>(step.Expression)
                    .WaitAsync(remaining, time, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new StepFailedException($"evaluate did not finish within {timeout}");
            }
            if (step.Expected is not { } expected || Same(actual, expected))
                return;
            if (time.GetElapsedTime(started) + BrowserProbeDefaults.EvaluatePollInterval >= timeout)
                throw new StepFailedException(
                    $"expected {expected.GetRawText()}, got {actual?.GetRawText() ?? "undefined"} (after {timeout})"
                );
            if (!await time.DelayAsync(BrowserProbeDefaults.EvaluatePollInterval, cancellationToken).ConfigureAwait(false))
                cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static bool Same(JsonElement? actual, JsonElement expected) =>
        actual is { } a ? JsonElement.DeepEquals(a, expected) : expected.ValueKind == JsonValueKind.Null;

    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
}
