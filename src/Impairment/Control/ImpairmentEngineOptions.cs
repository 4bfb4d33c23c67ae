using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Control;

/// <summary>
/// Engine knobs. <see cref="Seed"/> null draws a random seed once; with a seed, the same sequence of proxies,
/// connections, toxics and chunks gets the same jitter and toxicity draws.
/// </summary>
public sealed record ImpairmentEngineOptions
{
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public long? Seed { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The DNS lookup behind upstream names (tests count calls); null is <see cref="System.Net.Dns"/>.</summary>
    internal Func<string, CancellationToken, Task<System.Net.IPAddress[]>>? HostLookup { get; init; }
}
