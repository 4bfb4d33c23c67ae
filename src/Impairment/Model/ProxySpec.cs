namespace Harness.Impairment.Model;

/// <summary>A proxy to create; empty strings are how a missing field arrives, and are rejected by the engine.</summary>
public sealed record ProxySpec(string Name, string Upstream, string Listen = "", bool Enabled = true)
{
    /// <summary>TCP unless the request said <c>"protocol":"udp"</c>.</summary>
    public ProxyProtocol Protocol { get; init; } = ProxyProtocol.Tcp;
}

/// <summary>A partial proxy update: null keeps the current value; the name cannot change.</summary>
public sealed record ProxyPatch(string? Listen = null, string? Upstream = null, bool? Enabled = null);
