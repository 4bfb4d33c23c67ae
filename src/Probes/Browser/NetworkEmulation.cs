using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>
/// The page's emulated network, over a CDP session that lives as long as the page (closing it would drop the
/// emulation). Global conditions use Network.emulateNetworkConditions, per-URL rules
/// Network.emulateNetworkConditionsByRule; CDP silently ignores unknown parameters, so names here are exact.
/// Steps and timeline events (<see cref="BrowserNetworkControl"/>) both change it, from different threads, so
/// every call is serialised and there is one CDP session per page.
/// </summary>
internal sealed class NetworkEmulation(IBrowserContext context, IPage page) : IEmulatedNetwork
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ICDPSession? _cdp;

    public Task ApplyAsync(NetworkStep step) =>
        SerialisedAsync(async cdp =>
        {
            if (step.Reset)
            {
                await cdp.SendAsync("Network.emulateNetworkConditions", Parameters(new NetworkConditions())).ConfigureAwait(false);
                await cdp.SendAsync("Network.emulateNetworkConditionsByRule", Rules([])).ConfigureAwait(false);
            }
            if (step.Conditions is { } conditions)
                await cdp.SendAsync("Network.emulateNetworkConditions", Parameters(conditions)).ConfigureAwait(false);
            if (step.Rules is { } rules)
                await cdp.SendAsync("Network.emulateNetworkConditionsByRule", Rules(rules)).ConfigureAwait(false);
        });

    public Task SetAsync(NetworkConditions conditions) =>
        SerialisedAsync(cdp => cdp.SendAsync("Network.emulateNetworkConditions", Parameters(conditions)));

    private async Task SerialisedAsync(Func<ICDPSession, Task> action)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_cdp is null)
            {
                var cdp = await context.NewCDPSessionAsync(page).ConfigureAwait(false);
                await cdp.SendAsync("Network.enable").ConfigureAwait(false);
                _cdp = cdp;
            }
            await action(_cdp).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Dictionary<string, object> Parameters(NetworkConditions c) =>
        new(StringComparer.Ordinal)
        {
            ["offline"] = c.Offline,
            ["latency"] = c.Latency.TotalMilliseconds,
            ["downloadThroughput"] = c.DownloadBytesPerSecond ?? -1,
            ["uploadThroughput"] = c.UploadBytesPerSecond ?? -1,
        };

    private static Dictionary<string, object> Rules(IEnumerable<NetworkRule> rules) =>
        new(StringComparer.Ordinal)
        {
            ["offline"] = false,
            ["matchedNetworkConditions"] = rules
                .Select(r =>
                {
                    var p = Parameters(r.Conditions);
                    p["urlPattern"] = r.UrlPattern;
                    return p;
                })
                .ToArray(),
        };
}
