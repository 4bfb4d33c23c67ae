namespace Harness.Scenarios.Model;

/// <summary>Where impairment happens: the Toxiproxy API to use (null = the embedded server) and the proxies to create.</summary>
public sealed record NetworkSpec(Uri? Toxiproxy, IReadOnlyList<ProxySpec> Proxies)
{
    public bool UsesEmbeddedServer => Toxiproxy is null;
}

/// <summary>
/// A proxy in front of an upstream, which is either a launched service (by name) or a <c>host:port</c>.
/// Traffic probes send to any of <see cref="Hosts"/> is routed through it.
/// </summary>
public sealed record ProxySpec(string Name, string? UpstreamService, string? UpstreamAddress, string Listen, IReadOnlyList<string> Hosts, NetworkProfile? Profile = null);
