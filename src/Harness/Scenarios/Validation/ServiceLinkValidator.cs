using System.Text.RegularExpressions;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>
/// Turns <c>regions.links</c> into proxies between services: each link's proxy has the service it leads to as upstream
/// and the round trip between the two services' regions (<c>regions.local</c> within one region), with the regions'
/// jitter. A service reaches the link through <c>${link:SERVICE}</c> in its command or environment.
/// </summary>
internal static partial class ServiceLinkValidator
{
    [GeneratedRegex(@"\$\{link:(?<to>[^}]*)\}", RegexOptions.CultureInvariant)]
    internal static partial Regex Reference();

    public static IReadOnlyList<ProxySpec> Validate(
        RegionsDocument? regions,
        IReadOnlyList<ServiceDocument> documents,
        IReadOnlyList<ServiceSpec> services,
        IReadOnlyDictionary<(string, string), TimeSpan> rtt,
        IReadOnlyCollection<string> takenNames,
        ValueReader values
    )
    {
        var links = new List<ProxySpec>();
        if (regions is not null)
        {
            var local = values.Duration(regions.Local, "regions.local", TimeSpan.Zero, allowZero: true);
            var jitter = values.Duration(regions.Jitter, "regions.jitter", TimeSpan.Zero, allowZero: true);
            foreach (var link in regions.Links)
            {
                if (Build(link, services, rtt, local, jitter, values) is not { } proxy)
                    continue;
                var at = link.Name?.Location ?? link.Location;
                if (links.Any(l => l.Link!.From == proxy.Link!.From && l.Link.To == proxy.Link.To))
                    values.Diagnostics.Add(at, $"regions.links: a link from '{proxy.Link!.From}' to '{proxy.Link.To}' is declared twice");
                else if (links.Any(l => l.Name == proxy.Name) || takenNames.Contains(proxy.Name))
                    values.Diagnostics.Add(
                        at,
                        $"regions.links: the name '{proxy.Name}' is already used by a proxy or probe; give the link its own 'name'"
                    );
                else
                    links.Add(proxy);
            }
        }
        CheckReferences(documents, links, values);
        return links;
    }

    private static ProxySpec? Build(
        RegionLinkDocument link,
        IReadOnlyList<ServiceSpec> services,
        IReadOnlyDictionary<(string, string), TimeSpan> rtt,
        TimeSpan local,
        TimeSpan jitter,
        ValueReader values
    )
    {
        var from = Service(link.From, "from", services, values);
        var to = Service(link.To, "to", services, values);
        if (from is null || to is null)
            return null;
        if (from.Name == to.Name)
        {
            values.Diagnostics.Add(
                link.To!.Location,
                $"regions.links: a link joins two different services; 'from' and 'to' are both '{from.Name}'"
            );
            return null;
        }
        TimeSpan linkRtt;
        if (from.Region == to.Region)
            linkRtt = local;
        else if (!rtt.TryGetValue((from.Region!, to.Region!), out linkRtt))
        {
            values.Diagnostics.Add(
                link.Location,
                $"regions.rtt has no round trip for {from.Region}/{to.Region}, which the link from '{from.Name}' to '{to.Name}' crosses"
            );
            return null;
        }
        var name = link.Name is null ? $"{from.Name}--{to.Name}" : ScenarioValidator.CheckName(link.Name, "link name", values.Diagnostics);
        if (name is null)
            return null;
        var ms = linkRtt.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var profile = new NetworkProfile(
            $"link {from.Region} -> {to.Region}",
            $"{from.Name} ({from.Region}) to {to.Name} ({to.Region}): round trip {ms} ms",
            "regions.rtt",
            linkRtt,
            jitter,
            null,
            null,
            null
        );
        return new ProxySpec(name, to.Name, null, NetworkValidator.DefaultListen, [], profile)
        {
            ForProbes = [],
            Link = new ServiceLink(from.Name, to.Name, from.Region!, to.Region!, linkRtt),
        };
    }

    private static ServiceSpec? Service(Located<string>? name, string key, IReadOnlyList<ServiceSpec> services, ValueReader values)
    {
        if (name is null)
            return null;
        var service = services.FirstOrDefault(s => s.Name == name.Value);
        if (service is null)
        {
            values.Diagnostics.Add(
                name.Location,
                $"regions.links: '{key}' names no service '{name.Value}'{DidYouMean.Suffix(name.Value, services.Select(s => s.Name))}"
            );
            return null;
        }
        if (service.Region is null)
        {
            values.Diagnostics.Add(
                name.Location,
                $"regions.links: service '{service.Name}' has no region; a link carries the round trip between two services' regions"
            );
            return null;
        }
        return service;
    }

    /// <summary>Every <c>${link:SERVICE}</c> in a service's command or environment must name a link from that service.</summary>
    private static void CheckReferences(IReadOnlyList<ServiceDocument> documents, IReadOnlyList<ProxySpec> links, ValueReader values)
    {
        foreach (var service in documents)
        {
            var texts = service.Command.Concat(service.Environment.Values).Append(service.ReadyUrl).OfType<Located<string>>();
            foreach (var text in texts)
            {
                foreach (Match m in Reference().Matches(text.Value))
                {
                    var to = m.Groups["to"].Value;
                    if (links.Any(l => l.Link!.From == service.Name?.Value && l.Link.To == to))
                        continue;
                    var own = links.Where(l => l.Link!.From == service.Name?.Value).Select(l => l.Link!.To).ToList();
                    values.Diagnostics.Add(
                        text.Location,
                        $"${{link:{to}}}: service '{service.Name?.Value}' has no link to '{to}' under regions.links"
                            + (own.Count == 0 ? "" : $"{DidYouMean.Suffix(to, own)}; its links lead to {string.Join(", ", own)}")
                    );
                }
            }
        }
    }
}
