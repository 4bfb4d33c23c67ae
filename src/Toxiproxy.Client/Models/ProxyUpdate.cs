namespace Harness.Toxiproxy.Client;

/// <summary>A partial update: null fields keep the server's current values.</summary>
public sealed record ProxyUpdate(string? Listen = null, string? Upstream = null, bool? Enabled = null);
