namespace Harness.Scenarios.Model;

/// <summary>Where impairment happens: the Toxiproxy API to use (null = the embedded server) and the proxies to create.</summary>
public sealed record NetworkSpec(Uri? Toxiproxy, IReadOnlyList<ProxySpec> Proxies)
{
    /// <summary>Proxies of this scenario older than this on the server were left by a killed run and are removed at start.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary><c>network.bind_all: true</c>: the scenario allows proxies to listen beyond loopback (a warning says so).</summary>
    public bool BindAll { get; init; }

    public bool UsesEmbeddedServer => Toxiproxy is null;

    /// <summary><c>network.mode</c>: proxies on streams (default) or packet mode.</summary>
    public NetworkMode Mode { get; init; }
}

/// <summary>
/// A proxy in front of an upstream, which is either a launched service (by name) or a <c>host:port</c>.
/// Traffic probes send to any of <see cref="Hosts"/> is routed through it.
/// </summary>
public sealed record ProxySpec(
    string Name,
    string? UpstreamService,
    string? UpstreamAddress,
    string Listen,
    IReadOnlyList<string> Hosts,
    NetworkProfile? Profile = null
)
{
    /// <summary>Only these probes route through this proxy (a region link); null means every probe.</summary>
    public IReadOnlyList<string>? ForProbes { get; init; }

    /// <summary>Set when the proxy is a server-to-server link between two services placed in regions.</summary>
    public ServiceLink? Link { get; init; }
}
