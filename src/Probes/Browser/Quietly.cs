using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>Best-effort browser calls (artifacts, cleanup) that must neither throw nor hang the run.</summary>
internal static class Quietly
{
    /// <summary>Exceptions that mean the page, context or browser misbehaved or went away.</summary>
    public static bool IsBrowserFailure(Exception ex) =>
        ex is PlaywrightException or TimeoutException or IOException or UnauthorizedAccessException;

    /// <returns>False when the call failed or took longer than the artifact timeout.</returns>
    public static async Task<bool> RunAsync(Func<Task> action, TimeProvider time)
    {
        try
        {
            await action().WaitAsync(BrowserProbeDefaults.ArtifactTimeout, time).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (IsBrowserFailure(ex))
        {
            return false;
        }
    }

    /// <summary>Cuts page-supplied text to a bounded length; the text itself is kept as data.</summary>
    public static string Cut(string? text) =>
        text is null ? ""
        : text.Length <= BrowserProbeDefaults.MaxTextLength ? text
        : text[..BrowserProbeDefaults.MaxTextLength] + "…";
}
