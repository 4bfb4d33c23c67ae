namespace Harness.Probes.Browser;

/// <summary>A live page's emulated network as <see cref="BrowserNetworkControl"/> sees it (a fake in tests, CDP in a run).</summary>
internal interface IEmulatedNetwork
{
    /// <summary>Replaces the page's global conditions; <see cref="NetworkConditions"/> with defaults means unthrottled.</summary>
    Task SetAsync(NetworkConditions conditions);
}
