using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>Refuses a scenario that would reach any host not listed in target.allow_hosts, before anything starts.</summary>
internal static class AllowHostsValidator
{
    public static void Validate(
        ScenarioDocument document, TargetSpec target, IReadOnlyList<ValidatedProbe> probes, IReadOnlyList<ServiceSpec> services, ValueReader values)
    {
        var allowed = new HashSet<string>(target.AllowHosts, StringComparer.OrdinalIgnoreCase);
        void Check(string host, SourceLocation location, string what)
        {
            if (!allowed.Contains(host))
            {
                values.Diagnostics.Add(location, $"{what} reaches host '{host}', which is not in target.allow_hosts; add it there if this scenario may touch it");
            }
        }
        foreach (var probe in probes) Check(probe.Spec.Url.Host, probe.UrlLocation, $"probe '{probe.Spec.Name}'");
        foreach (var proxy in document.Network?.Proxies ?? [])
        {
            if (proxy.Upstream is { } upstream && NetworkValidator.IsHostPort(upstream.Value) && services.All(s => s.Name != upstream.Value))
            {
                Check(NetworkValidator.HostOf(upstream.Value), upstream.Location, $"proxy '{proxy.Name?.Value}' upstream");
            }
        }
        foreach (var service in document.Services)
        {
            if (service.ReadyUrl is { } ready && Uri.TryCreate(ServiceSpec.ExpandPort(ready.Value, 1), UriKind.Absolute, out var url))
            {
                Check(url.Host, ready.Location, $"service '{service.Name?.Value}' ready_url");
            }
        }
    }
}
