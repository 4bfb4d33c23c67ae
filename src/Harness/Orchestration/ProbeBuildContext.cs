using System.Net;

namespace Harness.Orchestration;

/// <summary>What building a run's probes needs beyond their specs: where artifacts go, the seed, and the proxies' addresses.</summary>
internal sealed record ProbeBuildContext(
    string ArtifactsDirectory,
    int Seed,
    IReadOnlyDictionary<string, IPEndPoint> ProxyEndpoints,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ProxyHosts,
    IReadOnlyList<string> AllowHosts,
    string? BrowserFromEnvironment
)
{
    /// <summary>Further Chromium switches for every browser probe (<see cref="RunOptions.BrowserArgs"/>).</summary>
    public IReadOnlyList<string> BrowserArgs { get; init; } = [];

    /// <summary>How a browser is started in packet mode's client namespace (<c>ip netns exec hp-ID-c</c>); null without one.</summary>
    public IReadOnlyList<string>? ClientNamespacePrefix { get; init; }
}
