namespace Harness.Scenarios.Model;

/// <summary>
/// How the run impairs the network: <see cref="Proxy"/> (the default) with Toxiproxy-style proxies on byte
/// streams; <see cref="Packet"/> with services in a network namespace behind a link whose IP packets the
/// harness forwards and impairs itself, so the kernel's own TCP and UDP react to real loss.
/// </summary>
public enum NetworkMode
{
    Proxy,
    Packet,
}
