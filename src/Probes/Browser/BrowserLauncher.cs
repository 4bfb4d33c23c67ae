using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>
/// Launches a local Chromium or connects to a remote Playwright server; any failure is a <see cref="BrowserUnavailableException"/>.
/// </summary>
internal static class BrowserLauncher
{
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, LaunchPlan plan, Func<string, bool>? fileExists)
    {
        var settings = plan.Settings;
        var timeoutMs = (float)BrowserProbeDefaults.LaunchTimeout.TotalMilliseconds;
        if (settings.WsEndpoint is { } endpoint)
        {
            try
            {
                return await playwright.Chromium.ConnectAsync(endpoint.ToString(), new() { Timeout = timeoutMs }).ConfigureAwait(false);
            }
            catch (PlaywrightException ex)
            {
                throw new BrowserUnavailableException($"cannot connect to the browser at {endpoint}: {FirstLine(ex.Message)}", ex);
            }
        }

        var location = BrowserLocator.Locate(
            settings.ExecutablePath,
            settings.EnvironmentExecutablePath,
            ManagedPath(playwright),
            fileExists
        );
        if (!location.Found)
            throw new BrowserUnavailableException(location.Error!);
        using var wrapper = settings.LaunchPrefix.Count > 0 ? LaunchWrapper.Create(settings.LaunchPrefix, location.ExecutablePath!) : null;
        try
        {
            return await playwright
                .Chromium.LaunchAsync(
                    new()
                    {
                        ExecutablePath = wrapper?.Path ?? location.ExecutablePath,
                        Headless = settings.Headless,
                        Args = plan.Args(),
                        Timeout = timeoutMs,
                    }
                )
                .ConfigureAwait(false);
        }
        catch (PlaywrightException ex)
        {
            var through = wrapper is null ? "" : $" through '{string.Join(' ', settings.LaunchPrefix)}'";
            throw new BrowserUnavailableException($"cannot launch {location.ExecutablePath}{through}: {FirstLine(ex.Message)}", ex);
        }
    }

    internal static string FirstLine(string message)
    {
        var line = message.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).ToString();
    }

    private static string? ManagedPath(IPlaywright playwright)
    {
        try
        {
            return playwright.Chromium.ExecutablePath;
        }
        catch (PlaywrightException)
        {
            return null; // the driver knows no managed browser for this platform
        }
    }
}
