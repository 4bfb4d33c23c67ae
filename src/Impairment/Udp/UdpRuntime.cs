using Harness.Impairment.Metering;
using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Udp;

/// <summary>Shared by every UDP proxy of an engine: clock, root seed, logger and the byte counters.</summary>
internal sealed record UdpRuntime(TimeProvider Time, long Seed, ILogger Logger, TrafficMeter Traffic)
{
    /// <summary>Upstream names, resolved once asynchronously and refreshed in the background (shared with TCP).</summary>
    public Proxying.HostResolver Hosts { get; init; } = new();
}
