using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Proxying;

/// <summary>What a new connection is born with: identity, upstream, the chains at accept time and its seed.</summary>
internal sealed record ConnectionSetup(
    string ProxyName,
    long Id,
    string Upstream,
    ToxicChain UpstreamChain,
    ToxicChain DownstreamChain,
    long Seed,
    TimeProvider Time,
    ILogger Logger);
