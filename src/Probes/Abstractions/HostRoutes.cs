using System.Net;

namespace Harness.Probes.Abstractions;

/// <summary>
/// Maps host names used in probe URLs (for example <c>liveroom.test</c>) to the endpoint that traffic for
/// them must reach (a proxy's listen address). Hosts not in the map are resolved normally.
/// </summary>
public sealed class HostRoutes
{
    private readonly Dictionary<string, IPEndPoint> _routes;

    public HostRoutes(IEnumerable<KeyValuePair<string, IPEndPoint>> routes) =>
        _routes = new Dictionary<string, IPEndPoint>(routes, StringComparer.OrdinalIgnoreCase);

    public static HostRoutes None { get; } = new([]);

    public bool TryResolve(string host, out IPEndPoint endpoint) => _routes.TryGetValue(host, out endpoint!);

    public IReadOnlyDictionary<string, IPEndPoint> All => _routes;
}
