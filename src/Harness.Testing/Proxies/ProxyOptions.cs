namespace Harness.Testing;

/// <summary>A proxy to create with <see cref="ImpairedServer.CreateProxyAsync"/>.</summary>
public sealed class ProxyOptions
{
    /// <summary>The proxy's name (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>); timelines and events refer to it. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>Where the proxy forwards to: <c>host:port</c>, e.g. <c>127.0.0.1:5000</c>. Required.</summary>
    public string Upstream { get; set; } = "";

    /// <summary>
    /// Where the proxy listens. Defaults to <c>127.0.0.1:0</c> (a free loopback port; read it from <see
    /// cref="ImpairedProxy.Endpoint"/>).
    /// </summary>
    public string Listen { get; set; } = "127.0.0.1:0";

    /// <summary>A named profile (e.g. <c>slow-3g</c>) applied when the proxy is created, for its whole life; null for none.</summary>
    public string? Profile { get; set; }
}
