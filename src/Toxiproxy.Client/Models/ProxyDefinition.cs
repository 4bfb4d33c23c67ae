namespace Harness.Toxiproxy.Client;

/// <summary>
/// What to create: <see cref="Listen"/> null or empty lets the server pick an ephemeral port, on every interface in real
/// Toxiproxy and on 127.0.0.1 in the harness's server.
/// </summary>
public sealed record ProxyDefinition(string Name, string Upstream, string? Listen = null, bool Enabled = true)
{
    /// <summary>
    /// Null (the default) sends no protocol member, as every Toxiproxy client does; "udp" asks the harness's own
    /// server for a UDP proxy (a real Toxiproxy ignores the member and creates TCP).
    /// </summary>
    public string? Protocol { get; init; }
}
