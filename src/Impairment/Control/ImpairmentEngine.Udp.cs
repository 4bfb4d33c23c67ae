using Harness.Impairment.Proxying;
using Harness.Impairment.Udp;

namespace Harness.Impairment.Control;

/// <summary>
/// UDP proxies (docs/udp.md) and the byte counters behind /metrics. UDP proxies share the name space, the lock and
/// the API semantics of TCP ones (create, update by merge, populate, reset, toxics); each public engine method asks
/// these helpers first with one line.
/// </summary>
public sealed partial class ImpairmentEngine
{
    private readonly SortedDictionary<string, UdpProxy> _udp = new(StringComparer.Ordinal);
    private readonly TrafficMeter _traffic = new();
    private UdpRuntime? _udpRuntime;

    /// <summary>Live byte counters per proxy and direction, TCP and UDP alike (updated as bytes flow).</summary>
    public IReadOnlyList<ProxyTraffic> GetTraffic() => _traffic.Snapshot();

    private UdpRuntime UdpRuntime => _udpRuntime ??= new UdpRuntime(_runtime.Time, _runtime.Seed, _runtime.Logger, _traffic) { Hosts = _runtime.Hosts };

    private bool NameTaken(string name) => _proxies.ContainsKey(name) || _udp.ContainsKey(name);

    private IEnumerable<ProxyState> UdpSnapshots() => _udp.Values.Select(p => p.Snapshot());

    private ImpairmentResult<ProxyState> CreateUdp(ProxySpec spec)
    {
        var proxy = new UdpProxy(spec.Name, spec.Listen, spec.Upstream, UdpRuntime);
        if (spec.Enabled && proxy.Start() is { } error) return error;
        _udp.Add(spec.Name, proxy);
        return proxy.Snapshot();
    }

    private bool TryDeleteUdp(string name)
    {
        if (!_udp.Remove(name, out var proxy)) return false;
        proxy.Stop();
        return true;
    }

    /// <summary>Populate's "same" test and replacement for either protocol; null error means applied.</summary>
    private (ProxyState? State, ImpairmentError? Error) PopulateUdpAware(ProxySpec spec)
    {
        var existingUdp = _udp.GetValueOrDefault(spec.Name);
        var existingTcp = _proxies.GetValueOrDefault(spec.Name);
        if (existingUdp is not null && spec.Protocol == ProxyProtocol.Udp && existingUdp.Upstream == spec.Upstream && SameListen(existingUdp.Listen, spec.Listen))
        {
            return (existingUdp.Snapshot(), null);
        }
        if (existingTcp is not null && spec.Protocol == ProxyProtocol.Tcp && IsSame(existingTcp, spec))
        {
            return (existingTcp.Snapshot(), null);
        }
        existingUdp?.Stop();
        existingTcp?.Stop();
        if (spec.Protocol == ProxyProtocol.Udp)
        {
            var proxy = new UdpProxy(spec.Name, spec.Listen, spec.Upstream, UdpRuntime);
            if (spec.Enabled && proxy.Start() is { } error) return (null, error);
            _proxies.Remove(spec.Name);
            _udp[spec.Name] = proxy;
            return (proxy.Snapshot(), null);
        }
        var tcp = new LiveProxy(spec.Name, spec.Listen, spec.Upstream, _runtime);
        if (spec.Enabled && tcp.Start() is { } tcpError) return (null, tcpError);
        _udp.Remove(spec.Name);
        _proxies[spec.Name] = tcp;
        return (tcp.Snapshot(), null);
    }

    private static bool SameListen(string current, string wanted) =>
        ListenAddress.TryResolve(wanted, out var a, out _) && ListenAddress.TryResolve(current, out var b, out _) && a.Equals(b);

    private ImpairmentError? ResetUdp()
    {
        foreach (var proxy in _udp.Values)
        {
            if (proxy.Start() is { } error) return error;
            proxy.Toxics.Clear();
        }
        return null;
    }

    private UdpProxy[] TakeUdpForDisposal()
    {
        UdpProxy[] proxies = [.. _udp.Values];
        _udp.Clear();
        return proxies;
    }
}
