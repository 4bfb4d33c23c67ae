using Harness.Impairment.Metering;
using Harness.Impairment.Udp;

namespace Harness.Impairment.Control;

/// <summary>
/// The byte counters behind /metrics and what UDP proxies (docs/udp.md) share. UDP proxies live in the same table,
/// name space and lock as TCP ones and follow the same API semantics through <see cref="IProxy"/>.
/// </summary>
public sealed partial class ImpairmentEngine
{
    private readonly TrafficMeter _traffic = new();
    private UdpRuntime? _udpRuntime;

    /// <summary>Live byte counters per proxy and direction, TCP and UDP alike (updated as bytes flow).</summary>
    public IReadOnlyList<ProxyTraffic> GetTraffic() => _traffic.Snapshot();

    private UdpRuntime UdpRuntime =>
        _udpRuntime ??= new UdpRuntime(_runtime.Time, _runtime.Seed, _runtime.Logger, _traffic) { Hosts = _runtime.Hosts };
}
