using System.Globalization;
using System.Text;
using Harness.Probes.Abstractions;

namespace Harness.Probes.Browser;

/// <summary>
/// Builds Chromium's <c>--host-resolver-rules</c> from host routes: each routed host (every port) goes to its
/// proxy, allowed hosts resolve normally, and every other name fails to resolve, so a page cannot reach a host
/// the scenario did not name. Playwright passes it as one argv entry: no quoting.
/// </summary>
internal static class HostResolverRules
{
    public const string AllowAll = "*";

    /// <returns>The switch, or null when nothing is routed and every host is allowed.</returns>
    public static string? Build(HostRoutes routes, IReadOnlyList<string> allowHosts)
    {
        var rules = new List<string>();
        foreach (var (host, endpoint) in routes.All.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase))
            rules.Add(string.Create(CultureInfo.InvariantCulture, $"MAP {host} {endpoint}"));
        var allowAll = allowHosts.Contains(AllowAll, StringComparer.Ordinal);
        if (!allowAll)
        {
            // EXCLUDE entries exempt a name from every MAP rule, including the catch-all below.
            foreach (var host in allowHosts.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
                rules.Add($"EXCLUDE {host}");
            rules.Add("MAP * ~NOTFOUND");
        }
        if (rules.Count == 0)
            return null;
        return new StringBuilder("--host-resolver-rules=").AppendJoin(", ", rules).ToString();
    }
}
