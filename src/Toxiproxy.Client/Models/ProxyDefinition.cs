namespace Harness.Toxiproxy.Client;

/// <summary>What to create: <see cref="Listen"/> null or empty lets the server pick (all interfaces, ephemeral port).</summary>
public sealed record ProxyDefinition(string Name, string Upstream, string? Listen = null, bool Enabled = true);
