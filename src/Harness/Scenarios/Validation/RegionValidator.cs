using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>
/// Turns <c>regions:</c> into proxies: for every probe in region A whose URL names the host of a service in
/// region B, one proxy carries that link (upstream = the service) with half the A-B round trip in each direction.
/// Only links some probe crosses are created.
/// </summary>
internal static class RegionValidator
{
    public static (IReadOnlyList<ProxySpec> Links, IReadOnlyDictionary<(string, string), TimeSpan> Rtt) Validate(
        RegionsDocument? regions,
        IReadOnlyList<ServiceDocument> serviceDocuments,
        IReadOnlyList<ServiceSpec> services,
        IReadOnlyList<ValidatedProbe> probes,
        ValueReader values
    )
    {
        var rtt = new Dictionary<(string, string), TimeSpan>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (regions is not null)
        {
            foreach (var (pair, raw) in regions.Rtt)
            {
                var parts = pair.Value.Split('/', StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts.Any(p => !ScenarioValidator.NamePattern().IsMatch(p)) || parts[0] == parts[1])
                {
                    values.Diagnostics.Add(
                        pair.Location,
                        $"regions.rtt: '{pair.Value}' must name two different regions as a/b, e.g. us-east/eu-west"
                    );
                    continue;
                }
                var value = values.Duration(raw, $"round trip {pair.Value}", TimeSpan.Zero, allowZero: true);
                rtt[(parts[0], parts[1])] = rtt[(parts[1], parts[0])] = value;
                names.Add(parts[0]);
                names.Add(parts[1]);
            }
        }
        var local = values.Duration(regions?.Local, "regions.local", TimeSpan.Zero, allowZero: true);
        var jitter = values.Duration(regions?.Jitter, "regions.jitter", TimeSpan.Zero, allowZero: true);
        foreach (var service in serviceDocuments.Where(s => s.Region is not null))
        {
            CheckRegion(service.Region!, names, regions, values);
            if (service.Host is null)
                values.Diagnostics.Add(
                    service.Region!.Location,
                    $"service '{service.Name?.Value}' has a region but no 'host' for probes to address it by"
                );
        }
        foreach (var probe in probes.Where(p => p.Spec.Region is not null))
        {
            CheckRegion(new Located<string>(probe.Spec.Region!, probe.RegionLocation ?? probe.UrlLocation), names, regions, values);
        }
        var links = new List<ProxySpec>();
        foreach (var probe in probes.Where(p => p.Spec.Region is not null))
        {
            foreach (
                var service in services.Where(s =>
                    s.Region is not null && string.Equals(s.Host, probe.Spec.Url.Host, StringComparison.OrdinalIgnoreCase)
                )
            )
            {
                var from = probe.Spec.Region!;
                var to = service.Region!;
                if (from != to && !rtt.ContainsKey((from, to)))
                {
                    values.Diagnostics.Add(
                        probe.RegionLocation ?? probe.UrlLocation,
                        $"regions.rtt has no round trip for {from}/{to}, which probe '{probe.Spec.Name}' crosses to reach '{service.Name}'"
                    );
                    continue;
                }
                var linkRtt = from == to ? local : rtt[(from, to)];
                var name = $"{from}--{to}--{service.Name}";
                var existing = links.FindIndex(l => l.Name == name);
                if (existing >= 0)
                {
                    links[existing] = links[existing] with { ForProbes = [.. links[existing].ForProbes!, probe.Spec.Name] };
                    continue;
                }
                var profile = new NetworkProfile(
                    $"region {from} -> {to}",
                    $"{from} to {to}: round trip {linkRtt.TotalMilliseconds} ms",
                    "regions.rtt",
                    linkRtt,
                    jitter,
                    null,
                    null,
                    null
                );
                links.Add(
                    new ProxySpec(name, service.Name, null, NetworkValidator.DefaultListen, [service.Host!], profile)
                    {
                        ForProbes = [probe.Spec.Name],
                    }
                );
            }
        }
        return (links, rtt);
    }

    private static void CheckRegion(Located<string> region, HashSet<string> names, RegionsDocument? regions, ValueReader values)
    {
        if (names.Contains(region.Value))
            return;
        values.Diagnostics.Add(
            region.Location,
            regions is null
                ? $"region '{region.Value}' needs a regions: section with the round trips between regions"
                : $"unknown region '{region.Value}'{DidYouMean.Suffix(region.Value, names)}; regions.rtt names {string.Join(", ", names.Order(StringComparer.Ordinal))}"
        );
    }
}
