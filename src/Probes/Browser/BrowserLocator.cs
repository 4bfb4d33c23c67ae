namespace Harness.Probes.Browser;

/// <summary>
/// Finds the Chromium to launch, in order: the explicit path, HARNESS_BROWSER (passed in by the CLI), the
/// Chromium Playwright manages, then system Chromium and Chrome. An explicit or environment path that does not
/// exist is an error, never silently replaced by another browser.
/// </summary>
public static class BrowserLocator
{
    /// <summary>Debian/Ubuntu Chromium and Google Chrome locations, tried in this order.</summary>
    public static IReadOnlyList<string> SystemPaths { get; } =
    [
        "/usr/bin/chromium",
        "/usr/lib/chromium/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/opt/google/chrome/chrome",
    ];

    public const string InstallHint =
        "install one with 'apt-get install -y chromium' (Debian/Ubuntu) or 'pwsh bin/<configuration>/net10.0/playwright.ps1 install chromium', "
        + "or point HARNESS_BROWSER (or the browser's executable_path) at a Chromium or Chrome binary";

    /// <param name="explicitPath">From the scenario or a command-line flag.</param>
    /// <param name="environmentPath">The value of HARNESS_BROWSER, read by the caller.</param>
    /// <param name="managedPath">Where Playwright's own Chromium would be; null when unknown.</param>
    /// <param name="fileExists">Defaults to <see cref="File.Exists"/>; tests pass a fake.</param>
    public static BrowserLocation Locate(
        string? explicitPath,
        string? environmentPath,
        string? managedPath,
        Func<string, bool>? fileExists = null
    )
    {
        fileExists ??= File.Exists;
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return Given(explicitPath, "executable_path", fileExists);
        if (!string.IsNullOrWhiteSpace(environmentPath))
            return Given(environmentPath, "HARNESS_BROWSER", fileExists);

        var tried = new List<string>();
        if (!string.IsNullOrWhiteSpace(managedPath))
        {
            if (fileExists(managedPath))
                return new BrowserLocation(managedPath, "playwright", null);
            tried.Add(managedPath);
        }
        foreach (var path in SystemPaths)
        {
            if (fileExists(path))
                return new BrowserLocation(path, "system", null);
            tried.Add(path);
        }
        return new BrowserLocation(null, "none", $"no Chromium or Chrome found (looked at {string.Join(", ", tried)}); {InstallHint}");
    }

    private static BrowserLocation Given(string path, string source, Func<string, bool> fileExists) =>
        fileExists(path)
            ? new BrowserLocation(path, source, null)
            : new BrowserLocation(null, source, $"browser from {source} not found at '{path}'; {InstallHint}");
}

/// <summary>The result of <see cref="BrowserLocator.Locate"/>: a path, or an error saying what was tried and how to install one.</summary>
/// <param name="Source">executable_path, HARNESS_BROWSER, playwright, system or none.</param>
public sealed record BrowserLocation(string? ExecutablePath, string Source, string? Error)
{
    public bool Found => ExecutablePath is not null;
}

/// <summary>
/// No browser could be found, launched or connected to: the run cannot measure anything (infrastructure, not the target).
/// </summary>
public sealed class BrowserUnavailableException : Exception
{
    public BrowserUnavailableException() { }

    public BrowserUnavailableException(string message)
        : base(message) { }

    public BrowserUnavailableException(string message, Exception innerException)
        : base(message, innerException) { }
}
