using System.Net;
using Harness.Probes.Abstractions;
using Harness.Toxiproxy.Client;

namespace Harness.Probes.Bench.Infra;

/// <summary>LiveRoom behind one or more proxies: the host name of proxy i is liveroom-i.test.</summary>
internal static class CrowdSetup
{
    public static string Host(int proxy) => $"liveroom-{proxy}.test";

    /// <summary>
    /// Creates proxy "liveroom" on <paramref name="api"/> in front of <paramref name="upstream"/>; returns its listen endpoint.
    /// </summary>
    public static async Task<IPEndPoint> CreateProxyAsync(Uri api, Uri upstream)
    {
        using var client = new ToxiproxyClient(api);
        var info = await client
            .CreateProxyAsync(new ProxyDefinition("liveroom", $"127.0.0.1:{upstream.Port}", "127.0.0.1:0"))
            .ConfigureAwait(false);
        return Ports.Parse(info.Listen);
    }

    public static HostRoutes Routes(IReadOnlyList<IPEndPoint> proxies) =>
        new(proxies.Select((endpoint, i) => new KeyValuePair<string, IPEndPoint>(Host(i), endpoint)));
}
