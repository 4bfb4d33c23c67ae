using System.Globalization;
using System.Text.Json;

namespace Harness.Probes.Browser;

internal sealed partial class StepExecutor
{
    /// <summary>Reads the step's number from the page and records it under the step's metric, with the participant's tags.</summary>
    private async Task RecordAsync(RecordStep step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var tags = samples.TagsNow();
        string? text;
        if (step.Script is { } script)
        {
            JsonElement? result;
            try
            {
                result = await Page.EvaluateAsync<JsonElement?>(script)
                    .WaitAsync(timeout, run.Time, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new StepFailedException($"{step.Metric}: the expression did not finish within {timeout}");
            }
            text = result switch
            {
                { ValueKind: JsonValueKind.String } s => s.GetString(),
                { } other => other.GetRawText(),
                null => null,
            };
        }
        else
        {
            var ms = (float)timeout.TotalMilliseconds;
            text = await Page.Locator(step.Selector!).TextContentAsync(new() { Timeout = ms }).ConfigureAwait(false);
        }
        if (!double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            var got = text is null ? "undefined" : $"'{Internal.FailureReason.Cut(text)}'";
            throw new StepFailedException($"{step.Metric}: expected a number, got {got}");
        }
        samples.Add(step.Metric, value, tags);
    }
}
