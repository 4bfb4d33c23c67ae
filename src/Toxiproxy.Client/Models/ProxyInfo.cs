namespace Harness.Toxiproxy.Client;

/// <summary>A proxy as the server reports it. <see cref="Listen"/> is the bound address once it has run.</summary>
public sealed record ProxyInfo(string Name, string Listen, string Upstream, bool Enabled, IReadOnlyList<ToxicInfo> Toxics)
{
    /// <summary>"tcp" unless the server reported another protocol (the harness's server reports "udp").</summary>
    public string Protocol { get; init; } = "tcp";
}
