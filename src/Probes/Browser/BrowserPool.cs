using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>
/// Owns the Playwright driver and the browsers it launched, one per distinct launch plan, so that probes (and
/// test fixtures) can share browsers. A probe given no pool makes its own for one run. Thread-safe.
/// </summary>
public sealed class BrowserPool : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, IBrowser> _browsers = new(StringComparer.Ordinal);
    private readonly Func<string, bool>? _fileExists;
    private IPlaywright? _playwright;
    private bool _disposed;

    /// <param name="fileExists">For tests of browser discovery; defaults to <see cref="File.Exists"/>.</param>
    public BrowserPool(Func<string, bool>? fileExists = null) => _fileExists = fileExists;

    /// <summary>Browser processes launched (or remote connections made) so far, reconnects included.</summary>
    public int Launches { get; private set; }

    internal async Task<IBrowser> GetAsync(LaunchPlan plan)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browsers.TryGetValue(plan.Key, out var browser) && browser.IsConnected)
                return browser;
            _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
            browser = await BrowserLauncher.LaunchAsync(_playwright, plan, _fileExists).ConfigureAwait(false);
            _browsers[plan.Key] = browser;
            Launches++;
            return browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
                return;
            _disposed = true;
            foreach (var browser in _browsers.Values)
            {
                try
                {
                    await browser.CloseAsync().ConfigureAwait(false);
                }
                catch (PlaywrightException)
                {
                    // Already gone (crashed or disconnected): nothing left to close.
                }
            }
            _browsers.Clear();
            _playwright?.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }
}
