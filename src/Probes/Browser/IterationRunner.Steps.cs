using System.Globalization;
using System.Text.Json;
using Harness.Probes.Abstractions;

namespace Harness.Probes.Browser;

internal sealed partial class IterationRunner
{
    /// <returns>The index of the failed step, or null when all passed (or the run was cancelled).</returns>
    private async Task<int?> RunStepsAsync(StepExecutor executor, CancellationToken cancellationToken)
    {
        int? failedAt = null;
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            if (failedAt is not null)
            {
                _steps.Add(new BrowserStepResult(i, step.Kind, step.Describe(), StepOutcome.Skipped, TimeSpan.Zero, null));
                continue;
            }
            var tags = samples.TagsNow();
            var started = run.Time.GetTimestamp();
            string? error = null;
            try
            {
                await executor.RunAsync(step, i, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return null; // the run ended mid-step: that is not a measurement of the page
            }
            catch (Exception ex) when (IsStepFailure(ex))
            {
                error = Quietly.Cut(ex.Message.Trim());
            }
            if (cancellationToken.IsCancellationRequested) return null;
            var duration = run.Time.GetElapsedTime(started);
            Emit(step, i, tags, duration, error is null);
            _steps.Add(new BrowserStepResult(i, step.Kind, step.Describe(), error is null ? StepOutcome.Passed : StepOutcome.Failed, duration, error));
            if (error is not null) failedAt = i;
        }
        return failedAt;
    }

    private static bool IsStepFailure(Exception ex) =>
        Quietly.IsBrowserFailure(ex) || ex is StepFailedException or JsonException or ArgumentException;

    private void Emit(BrowserStep step, int index, SampleTags tags, TimeSpan duration, bool passed)
    {
        tags = tags.With("step", index.ToString(CultureInfo.InvariantCulture)).With("kind", step.Kind);
        samples.Add(MetricNames.BrowserStepDuration, duration.TotalMilliseconds, tags.With("outcome", passed ? "passed" : "failed"));
        samples.Add(MetricNames.Checks, passed ? 1 : 0, tags.With("check", step.Describe()));
    }
}

/// <summary>A step's own check failed (an evaluate result, an HTTP status); the message says what was expected and seen.</summary>
internal sealed class StepFailedException(string message) : Exception(message);
