using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Toxiproxy.Client;

namespace Harness.Impairment.Bench;

/// <summary>Reads one of the server's live byte counters from /metrics.</summary>
internal static class ProxyCounters
{
    public static async Task<long> ReadAsync(ToxiproxyClient client, string proxy, string kind, string direction)
    {
        var text = await client.GetMetricsAsync().ConfigureAwait(false);
        var match = Regex.Match(
            text,
            $"toxiproxy_proxy_{kind}_bytes_total\\{{direction=\"{direction}\",listener=\"[^\"]*\",proxy=\"{Regex.Escape(proxy)}\",upstream=\"[^\"]*\"\\}} (\\d+)"
        );
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
