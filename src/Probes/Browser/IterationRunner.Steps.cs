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
                // A check still retrying when the run ended did not hold in time: a failed check. An action cut off is no measurement.
                if (IsRetryingCheck(step)) CutOff(step, i, run.Time.GetElapsedTime(started));
                return null;
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

    /// <summary>Why the iteration stopped early when a check was cut off: "cut off by the end of phase X".</summary>
    private string? _cutOff;

    private static bool IsRetryingCheck(BrowserStep step) => step is ExpectTextStep or ExpectVisibleStep or ExpectHiddenStep
        or ExpectUrlStep or ExpectTitleStep or WaitForStep or EvaluateStep { Expected: not null };

    private void CutOff(BrowserStep step, int index, TimeSpan duration)
    {
        var tags = samples.TagsNow();
        _cutOff = $"cut off by the end of phase {tags.Phase}";
        tags = tags.With("step", index.ToString(CultureInfo.InvariantCulture)).With("kind", step.Kind);
        samples.Add(MetricNames.Checks, 0, tags.With("check", step.Describe()).With("error", "cut_off"));
        _steps.Add(new BrowserStepResult(index, step.Kind, step.Describe(), StepOutcome.Failed, duration, _cutOff));
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
