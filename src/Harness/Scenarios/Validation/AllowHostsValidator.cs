using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>Refuses a scenario that would reach any host not listed in target.allow_hosts, before anything starts.</summary>
internal static class AllowHostsValidator
{
    private static readonly string[] WebSchemes = ["http", "https", "ws", "wss"];

    public static void Validate(
        ScenarioDocument document,
        TargetSpec target,
        IReadOnlyList<ValidatedProbe> probes,
        IReadOnlyList<ServiceSpec> services,
        ValueReader values
    )
    {
        var allowed = new HashSet<string>(target.AllowHosts, StringComparer.OrdinalIgnoreCase);
        void Check(string host, SourceLocation location, string what)
        {
            if (!allowed.Contains(host))
            {
                values.Diagnostics.Add(
                    location,
                    $"{what} reaches host '{host}', which is not in target.allow_hosts; add it there if this scenario may touch it"
                );
            }
        }
        foreach (var probe in probes)
            Check(probe.Spec.Url.Host, probe.UrlLocation, $"probe '{probe.Spec.Name}'");
        foreach (var proxy in document.Network?.Proxies ?? [])
        {
            if (
                proxy.Upstream is { } upstream
                && NetworkValidator.IsHostPort(upstream.Value)
                && services.All(s => s.Name != upstream.Value)
            )
            {
                Check(NetworkValidator.HostOf(upstream.Value), upstream.Location, $"proxy '{proxy.Name?.Value}' upstream");
            }
        }
        foreach (var service in document.Services)
        {
            if (
                service.ReadyUrl is { } ready
                && Uri.TryCreate(
                    ServiceSpec.ExpandAddress(ServiceSpec.ExpandPort(ready.Value, 1), ServiceSpec.LoopbackAddress),
                    UriKind.Absolute,
                    out var url
                )
            )
            {
                Check(url.Host, ready.Location, $"service '{service.Name?.Value}' ready_url");
            }
        }
        if (document.Network?.Toxiproxy is { Value: not "embedded" } api && Uri.TryCreate(api.Value, UriKind.Absolute, out var apiUrl))
        {
            Check(apiUrl.Host, api.Location, "network.toxiproxy");
        }
        CheckPages(document, target, probes, allowed, Check);
    }

    /// <summary>
    /// Every page a browser step opens: an absolute URL, or a relative one resolved against target.base_url. A host
    /// routed through a proxy (a proxy's <c>hosts</c>) is allowed too: the proxy's upstream is what is reached.
    /// </summary>
    private static void CheckPages(
        ScenarioDocument document,
        TargetSpec target,
        IReadOnlyList<ValidatedProbe> probes,
        HashSet<string> allowed,
        Action<string, SourceLocation, string> check
    )
    {
        var proxies = document.Network?.Proxies ?? [];
        var routed = new HashSet<string>(proxies.SelectMany(p => p.Hosts).Select(h => h.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var probe in probes)
        {
            foreach (var page in probe.PageUrls)
            {
                if (Resolve(page.Value, target.BaseUrl) is not { } url || !WebSchemes.Contains(url.Scheme))
                    continue;
                if (allowed.Contains(url.Host) || routed.Contains(url.Host))
                    continue;
                check(url.Host, page.Location, $"browser probe '{probe.Spec.Name}' goto");
            }
        }
    }

    private static Uri? Resolve(string text, Uri? baseUrl)
    {
        if (baseUrl is not null && Uri.TryCreate(baseUrl, text, out var resolved))
            return resolved;
        return Uri.TryCreate(text, UriKind.Absolute, out var absolute) ? absolute : null;
    }
}
