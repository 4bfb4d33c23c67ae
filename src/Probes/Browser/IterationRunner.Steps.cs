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
            string? errorClass = null;
            try
            {
                await executor.RunAsync(step, i, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // A check still retrying when the run ended did not hold in time: a failed check. An action cut off is no measurement.
                if (IsRetryingCheck(step))
                    CutOff(step, i, run.Time.GetElapsedTime(started));
                return null;
            }
            catch (Exception ex) when (IsStepFailure(ex))
            {
                error = Quietly.Cut(ex.Message.Trim());
                errorClass = ClassOf(step, ex);
            }
            if (cancellationToken.IsCancellationRequested)
                return null;
            var duration = run.Time.GetElapsedTime(started);
            Emit(step, i, tags, duration, errorClass is null ? null : (errorClass, $"{step.Describe()}: {error}"));
            _steps.Add(
                new BrowserStepResult(
                    i,
                    step.Kind,
                    step.Describe(),
                    error is null ? StepOutcome.Passed : StepOutcome.Failed,
                    duration,
                    error
                )
            );
            if (error is not null)
                failedAt = i;
        }
        return failedAt;
    }

    /// <summary>Why the iteration stopped early when a check was cut off: "cut off by the end of phase X".</summary>
    private string? _cutOff;

    private static bool IsRetryingCheck(BrowserStep step) =>
        step
            is ExpectTextStep
                or ExpectVisibleStep
                or ExpectHiddenStep
                or ExpectUrlStep
                or ExpectTitleStep
                or WaitForStep
                or EvaluateStep { Expected: not null };

    private void CutOff(BrowserStep step, int index, TimeSpan duration)
    {
        var tags = samples.TagsNow();
        _cutOff = $"cut off by the end of phase {tags.Phase}";
        tags = tags.With("step", index.ToString(CultureInfo.InvariantCulture)).With("kind", step.Kind);
        var checkTags = tags.With("check", step.Describe()).With(Internal.SampleWriter.ErrorTag, Internal.FailureReason.CutOff);
        samples.Add(MetricNames.Checks, 0, checkTags);
        samples.Fail(MetricNames.Checks, Internal.FailureReason.CutOff, $"{step.Describe()}: {_cutOff}", checkTags);
        _steps.Add(new BrowserStepResult(index, step.Kind, step.Describe(), StepOutcome.Failed, duration, _cutOff));
    }

    private static bool IsStepFailure(Exception ex) =>
        Quietly.IsBrowserFailure(ex) || ex is StepFailedException or JsonException or ArgumentException;

    /// <summary>The error class of a failed step: a navigation's status, net::ERR_*, a failed expectation, a timeout.</summary>
    private static string ClassOf(BrowserStep step, Exception ex) =>
        ex is StepFailedException { Status: { } status }
            ? Internal.FailureReason.Status(status)
            : Internal.BrowserFailure.Classify(
                ex.Message,
                step is ExpectTextStep or ExpectVisibleStep or ExpectHiddenStep or ExpectUrlStep or ExpectTitleStep
                    || ex is StepFailedException or JsonException
            );

    private void Emit(BrowserStep step, int index, SampleTags tags, TimeSpan duration, (string Class, string Message)? failure)
    {
        tags = tags.With("step", index.ToString(CultureInfo.InvariantCulture)).With("kind", step.Kind);
        if (failure is { } f)
            tags = tags.With(Internal.SampleWriter.ErrorTag, f.Class);
        var outcome = failure is null ? "passed" : "failed";
        samples.Add(MetricNames.BrowserStepDuration, duration.TotalMilliseconds, tags.With("outcome", outcome));
        var checkTags = tags.With("check", step.Describe());
        samples.Add(MetricNames.Checks, failure is null ? 1 : 0, checkTags);
        if (failure is { } failed)
            samples.Fail(MetricNames.Checks, failed.Class, failed.Message, checkTags);
    }
}

/// <summary>A step's own check failed (an evaluate result, an HTTP status); the message says what was expected and seen.</summary>
internal sealed class StepFailedException(string message) : Exception(message)
{
    /// <summary>The HTTP status a navigation got instead of success, when that is why the step failed.</summary>
    public int? Status { get; init; }
}
