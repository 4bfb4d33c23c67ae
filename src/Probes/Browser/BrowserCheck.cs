using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>
/// Starts the browser a probe would use and closes it again, so a caller can say "the browser is unusable" (and
/// why) before it opens a network or a page. Throws <see cref="BrowserUnavailableException"/> naming the executable,
/// where it came from, and the install hint.
/// </summary>
public static class BrowserCheck
{
    public static async Task LaunchAsync(BrowserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IPlaywright playwright;
        try
        {
            playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            throw new BrowserUnavailableException($"cannot start Playwright's driver: {BrowserLauncher.FirstLine(e.Message)}", e);
        }
        using var owned = playwright;
        var location = BrowserLocator.Locate(settings.ExecutablePath, settings.EnvironmentExecutablePath, ManagedPath(playwright));
        if (!location.Found)
            throw new BrowserUnavailableException(location.Error!);
        try
        {
            var browser = await BrowserLauncher.LaunchAsync(playwright, new LaunchPlan(settings, null), null).ConfigureAwait(false);
            await browser.CloseAsync().ConfigureAwait(false);
        }
        catch (BrowserUnavailableException e)
        {
            var exit = ProcessExit(e.InnerException?.Message);
            throw new BrowserUnavailableException($"{e.Message}{exit} (browser from {location.Source}); {BrowserLocator.InstallHint}", e);
        }
    }

    /// <summary>
    /// Playwright's browser log says how the process ended ("process did exit: exitCode=1, signal=null"); that is the why.
    /// </summary>
    private static string ProcessExit(string? message)
    {
        const string Marker = "process did exit: ";
        var at = message?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
            return "";
        var end = message!.IndexOfAny(['>', '\r', '\n'], at);
        return $" ({message[at..(end < 0 ? message.Length : end)].Trim()})";
    }

    private static string? ManagedPath(IPlaywright playwright)
    {
        try
        {
            return playwright.Chromium.ExecutablePath;
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }
}
