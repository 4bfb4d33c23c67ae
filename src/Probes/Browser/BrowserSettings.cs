namespace Harness.Probes.Browser;

/// <summary>How the probe gets a browser: a local Chromium it launches, or a remote Playwright server it connects to.</summary>
public sealed record BrowserSettings
{
    /// <summary>Chromium or Chrome to launch; wins over everything else. Null to discover one (see <see cref="BrowserLocator"/>).</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>
    /// The value of HARNESS_BROWSER as read by the CLI (probes never read the environment); used when <see cref="ExecutablePath"/> is null.
    /// </summary>
    public string? EnvironmentExecutablePath { get; init; }

    /// <summary>Defaults to true; false shows the window (for a developer reproducing a bug).</summary>
    public bool Headless { get; init; } = true;

    /// <summary>
    /// A Playwright server (<c>ws://host:port/path</c>) to connect to instead of launching; host routes cannot be applied to it.
    /// </summary>
    public Uri? WsEndpoint { get; init; }

    /// <summary>Further Chromium switches, passed as argv (no shell quoting). Defaults to none.</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    /// <summary>
    /// A command the browser is started through, its argv before the browser's own (e.g. <c>ip netns exec NS</c>: the browser
    /// then lives in that network namespace while Playwright still talks to it over its stdio pipes). Defaults to none.
    /// </summary>
    public IReadOnlyList<string> LaunchPrefix { get; init; } = [];

    /// <summary>Page size for every participant that sets none. Defaults to 1280x720.</summary>
    public BrowserViewport Viewport { get; init; } = new(1280, 720);
}

/// <summary>A page size in CSS pixels.</summary>
public sealed record BrowserViewport(int Width, int Height);
