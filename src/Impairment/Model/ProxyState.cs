namespace Harness.Impairment.Model;

/// <summary>
/// A proxy as the API reports it. <see cref="Listen"/> is the bound address once the proxy has run, else the string
/// as given. <see cref="Toxics"/> lists the upstream chain, then the downstream chain.
/// </summary>
public sealed record ProxyState(string Name, string Listen, string Upstream, bool Enabled, IReadOnlyList<ToxicState> Toxics)
{
    public ProxyProtocol Protocol { get; init; } = ProxyProtocol.Tcp;
}
