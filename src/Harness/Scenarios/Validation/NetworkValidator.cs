using System.Globalization;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

internal static class NetworkValidator
{
    public const string DefaultListen = "127.0.0.1:0";

    public static NetworkSpec Validate(
        NetworkDocument? network,
        IReadOnlyList<ServiceSpec> services,
        ProfileResolver profiles,
        ValueReader values
    )
    {
        if (network is null)
            return new NetworkSpec(null, []);
        Uri? toxiproxy = null;
        if (network.Toxiproxy is { Value: not "embedded" } raw)
        {
            toxiproxy = values.AbsoluteUrl(
                raw,
                "network.toxiproxy (use 'embedded' or the API URL, e.g. http://toxiproxy:8474)",
                null,
                "http",
                "https"
            );
        }
        ScenarioValidator.CheckUnique(network.Proxies, p => p.Name, "proxy name", values.Diagnostics);
        var bindAll = ListenPolicy.ReadBindAll(network.BindAll, values.Diagnostics);
        var shared = profiles.Resolve(network.Profile);
        var proxies = new List<ProxySpec>();
        foreach (var proxy in network.Proxies)
        {
            var name = ScenarioValidator.CheckName(proxy.Name, "proxy name", values.Diagnostics);
            var (service, address) = Upstream(proxy.Upstream, services, values.Diagnostics);
            var listen = proxy.Listen?.Value ?? DefaultListen;
            if (proxy.Listen is not null && !IsHostPort(listen))
                values.Diagnostics.Add(proxy.Listen.Location, $"proxy listen '{listen}' must be host:port, e.g. 127.0.0.1:0");
            if (proxy.Listen is not null)
                ListenPolicy.Check(proxy.Listen, bindAll, values.Diagnostics);
            if (name is null || (service is null && address is null))
                continue;
            // A proxy's own profile replaces the network-wide one; named fields override the named profile.
            var profile = proxy.Profile is null ? shared : profiles.Resolve(proxy.Profile);
            proxies.Add(new ProxySpec(name, service, address, listen, proxy.Hosts.Select(h => h.Value).ToList(), profile));
        }
        var mode = PacketModeValidator.Mode(network, proxies, services, values.Diagnostics);
        return new NetworkSpec(toxiproxy, proxies) { BindAll = bindAll, Mode = mode };
    }

    private static (string? Service, string? Address) Upstream(
        Located<string>? raw,
        IReadOnlyList<ServiceSpec> services,
        DiagnosticBag diagnostics
    )
    {
        if (raw is null)
            return (null, null);
        if (services.Any(s => s.Name == raw.Value))
            return (raw.Value, null);
        if (IsHostPort(raw.Value))
            return (null, raw.Value);
        var known = services.Select(s => s.Name).ToList();
        var hint = known.Count > 0 ? $"{DidYouMean.Suffix(raw.Value, known)}; services: {string.Join(", ", known)}" : string.Empty;
        diagnostics.Add(raw.Location, $"proxy upstream '{raw.Value}' is neither host:port nor a service of this scenario{hint}");
        return (null, null);
    }

    public static bool IsHostPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0
            && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is >= 0 and <= 65535;
    }

    public static string HostOf(string hostPort) => hostPort[..hostPort.LastIndexOf(':')].Trim('[', ']');
}
