using Harness.Scenarios.Model;
using Harness.Scenarios.Validation;

namespace Harness.Cli;

/// <summary>
/// <c>--toxiproxy URL</c> replaces every scenario's network.toxiproxy, so it is held to the same rule: its host must be
/// loopback (a server on this machine) or listed in the scenario's target.allow_hosts.
/// </summary>
internal static class ToxiproxyOverride
{
    /// <summary>
    /// Prints one line per scenario that may not use <paramref name="url"/>; true when every one may (or no URL was given).
    /// </summary>
    public static bool Allowed(Uri? url, IEnumerable<Scenario> scenarios, ConsoleOutput output)
    {
        if (url is null || ListenPolicy.IsLoopbackHost(url.Host))
            return true;
        var refused = scenarios
            .Where(s => !s.Target.AllowHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
            .Select(s =>
                $"--toxiproxy {url}: host '{url.Host}' is neither loopback nor in target.allow_hosts of "
                + $"{s.DisplayName} ({s.SourcePath}); add it there if this scenario may use that server"
            )
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var line in refused)
            output.Line(line);
        return refused.Count == 0;
    }
}
