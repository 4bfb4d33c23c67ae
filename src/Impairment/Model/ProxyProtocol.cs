namespace Harness.Impairment.Model;

/// <summary>What a proxy carries. Toxiproxy knows only TCP; UDP proxies are ours (docs/udp.md).</summary>
public enum ProxyProtocol
{
    Tcp,
    Udp,
}
