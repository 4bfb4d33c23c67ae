using Harness.Impairment.Metering;

namespace Harness.Impairment.Udp;

/// <summary>The two directions' live byte counters of one running UDP proxy (labels fixed while it runs).</summary>
internal sealed class UdpCounters(TrafficMeter meter, string proxy, string listener, string upstream)
{
    public TrafficMeter.Counter Upstream { get; } = meter.For(proxy, DirectionNames.Upstream, listener, upstream);

    public TrafficMeter.Counter Downstream { get; } = meter.For(proxy, DirectionNames.Downstream, listener, upstream);
}
