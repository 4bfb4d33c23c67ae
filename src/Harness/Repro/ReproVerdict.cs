using System.Globalization;
using Harness.Orchestration;
using Harness.Reports.Model;

namespace Harness.Repro;

/// <summary>What a repro ended with: its exit code and, unless it passed, the reason in one line.</summary>
internal sealed record ReproVerdict(int ExitCode, string? Reason)
{
    /// <summary>
    /// Judges the page, not only the run: a failed navigation or step, an HTTP status of 400 or more on the main
    /// document, an uncaught page error, or steps cut off by --duration fail the repro (1); a target nobody answers
    /// on, a browser that never ran, or a run that could not be carried out are unusable (3). In interactive mode
    /// Ctrl-C is the normal end, so the page's own outcome decides; otherwise Ctrl-C is an interruption (130).
    /// </summary>
    /// <param name="unreachable">Why the main origin cannot be reached at all (refused, no such host), or null.</param>
    public static ReproVerdict Judge(RunResults results, bool interactive, string? unreachable)
    {
        if (results.Status == RunStatus.Error)
            return new(ExitCodes.InfrastructureUnusable, string.Join("; ", results.Errors));
        var interrupted = results.Status == RunStatus.Interrupted;
        var page = results.Probes.FirstOrDefault(p => p.Kind == "browser");
        var iteration = page?.Iterations.FirstOrDefault();
        if (iteration is null)
        {
            return interrupted
                ? new(ExitCodes.Interrupted, "interrupted before the page opened")
                : new(ExitCodes.InfrastructureUnusable, "the browser never opened the page (see the progress lines above)");
        }
        if (iteration.Steps.FirstOrDefault(s => s.Outcome == "failed") is { } failed)
        {
            var error = FirstLine(failed.Error);
            if (failed.Kind == "goto" && unreachable is not null)
                return new(ExitCodes.InfrastructureUnusable, $"target unusable: {unreachable}; the browser saw: {error}");
            var what = failed.Kind == "goto" ? "navigation failed" : $"step '{failed.Description}' failed";
            return new(ExitCodes.ThresholdsFailed, $"{what}: {error}");
        }
        var pageErrors = page!.Messages.Where(m => m.Kind == "pageerror").ToList();
        if (pageErrors.Count > 0)
        {
            var first = pageErrors[0];
            var where = first.Location is { Length: > 0 } at ? $" at {at}" : "";
            return new(
                ExitCodes.ThresholdsFailed,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the page threw {pageErrors.Count} uncaught error(s); first: {FirstLine(first.Text)}{where}"
                )
            );
        }
        if (interrupted && !interactive)
            return new(ExitCodes.Interrupted, "interrupted: the repro was stopped before its duration ended");
        var loaded = iteration.Steps.Any(s => s.Kind == "goto" && s.Outcome == "passed");
        var cut = iteration.Error is { } e && !interrupted ? FirstLine(e) : null;
        if (cut is not null && iteration.Steps.Count == 0 && !cut.StartsWith("stopped", StringComparison.Ordinal))
            return new(ExitCodes.InfrastructureUnusable, $"the browser could not open the page: {cut}");
        if (!loaded)
        {
            return interrupted
                ? new(ExitCodes.Interrupted, "interrupted before the page finished loading")
                : new(ExitCodes.ThresholdsFailed, $"the page did not finish loading within the duration ({cut})");
        }
        // Interactive mode ends by Ctrl-C or --duration in the middle of its open-ended wait: that is its normal end.
        if (cut is not null && !interactive)
            return new(ExitCodes.ThresholdsFailed, $"the page's steps did not finish within the duration ({cut}); raise --duration");
        if (results.Status == RunStatus.Failed)
            return new(results.ExitCode, string.Join("; ", results.Errors));
        return new(ExitCodes.Passed, null);
    }

    /// <summary>Playwright appends a call log to its messages; the reason is the first line.</summary>
    private static string FirstLine(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var end = trimmed.IndexOfAny(['\r', '\n']);
        return end < 0 ? trimmed : trimmed[..end].TrimEnd();
    }
}
