using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>
/// The page's emulated network, over a CDP session that lives as long as the page (closing it would drop the
/// emulation). Global conditions use Network.emulateNetworkConditions, per-URL rules
/// Network.emulateNetworkConditionsByRule; CDP silently ignores unknown parameters, so names here are exact.
/// </summary>
internal sealed class NetworkEmulation(BrowserSession session)
{
    private ICDPSession? _cdp;

    public async Task ApplyAsync(NetworkStep step)
    {
        var cdp = await SessionAsync().ConfigureAwait(false);
        if (step.Reset)
        {
            await cdp.SendAsync("Network.emulateNetworkConditions", Parameters(new NetworkConditions())).ConfigureAwait(false);
            await cdp.SendAsync("Network.emulateNetworkConditionsByRule", Rules([])).ConfigureAwait(false);
        }
        if (step.Conditions is { } conditions)
            await cdp.SendAsync("Network.emulateNetworkConditions", Parameters(conditions)).ConfigureAwait(false);
        if (step.Rules is { } rules)
            await cdp.SendAsync("Network.emulateNetworkConditionsByRule", Rules(rules)).ConfigureAwait(false);
    }

    private async Task<ICDPSession> SessionAsync()
    {
        if (_cdp is not null) return _cdp;
        var cdp = await session.Context.NewCDPSessionAsync(session.Page).ConfigureAwait(false);
        await cdp.SendAsync("Network.enable").ConfigureAwait(false);
        return _cdp = cdp;
    }

    private static Dictionary<string, object> Parameters(NetworkConditions c) => new(StringComparer.Ordinal)
    {
        ["offline"] = c.Offline,
        ["latency"] = c.Latency.TotalMilliseconds,
        ["downloadThroughput"] = c.DownloadBytesPerSecond ?? -1,
        ["uploadThroughput"] = c.UploadBytesPerSecond ?? -1,
    };

    private static Dictionary<string, object> Rules(IEnumerable<NetworkRule> rules) => new(StringComparer.Ordinal)
    {
        ["offline"] = false,
        ["matchedNetworkConditions"] = rules.Select(r =>
        {
            var p = Parameters(r.Conditions);
            p["urlPattern"] = r.UrlPattern;
            return p;
        }).ToArray(),
    };
}
