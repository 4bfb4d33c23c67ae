using Harness.Impairment.Metering;
using Harness.Impairment.Toxics;
using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Proxying;

/// <summary>Shared by every proxy of an engine: clock, root seed, logger and the byte counters behind /metrics.</summary>
internal sealed record ProxyRuntime(TimeProvider Time, long Seed, ILogger Logger, TrafficMeter Traffic)
{
    /// <summary>Listeners of watched proxies' exchanges (in-process only).</summary>
    public Exchanges.ExchangeWatch Exchanges { get; } = new();

    /// <summary>Upstream names, resolved once per engine asynchronously and refreshed in the background.</summary>
    public HostResolver Hosts { get; init; } = new();

    /// <summary>The toxic types a TCP proxy accepts.</summary>
    public required ToxicRegistry Registry { get; init; }
}
