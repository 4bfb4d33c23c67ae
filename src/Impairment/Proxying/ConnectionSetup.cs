using Harness.Impairment.Metering;
using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Proxying;

/// <summary>
/// What a new connection is born with: identity, upstream, the chains at accept time, its seed and the proxy's live
/// byte counters for each direction (labels fixed at accept).
/// </summary>
internal sealed record ConnectionSetup(
    string ProxyName,
    long Id,
    string Upstream,
    ToxicChain UpstreamChain,
    ToxicChain DownstreamChain,
    long Seed,
    TimeProvider Time,
    ILogger Logger,
    TrafficMeter.Counter UpstreamTraffic,
    TrafficMeter.Counter DownstreamTraffic
)
{
    public Decisions.DecisionLog? Decisions { get; init; }

    /// <summary>Where the upstream's name is resolved (kept per engine, refreshed off the dial path).</summary>
    public HostResolver Hosts { get; init; } = HostResolver.Listen;

    /// <summary>Tracks the connection's exchanges when its proxy is watched; null otherwise.</summary>
    public Exchanges.ExchangeTracker? Exchange { get; init; }
}
