using Harness.Scenarios.Loading;

namespace Harness.Scenarios.Validation;

/// <summary>
/// <c>regions.optional</c>: regions a small run leaves out and a full one includes (<c>include_optional: ${full}</c>).
/// Left out means every service placed there, every probe placed there or addressing such a service's host, every
/// link to or from such a service, and the thresholds of those probes and links.
/// </summary>
internal static class RegionScope
{
    public static ScenarioDocument Apply(ScenarioDocument document, ValueReader values)
    {
        var regions = document.Regions;
        if (regions is null)
            return document;
        var include = regions.IncludeOptional;
        if (include is not null && include.Value is not ("true" or "false"))
            values.Diagnostics.Add(include.Location, $"regions.include_optional must be true or false, got '{include.Value}'");
        var known = regions.Rtt.SelectMany(r => r.Pair.Value.Split('/', StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
        foreach (var region in regions.Optional.Where(r => !known.Contains(r.Value)))
            values.Diagnostics.Add(
                region.Location,
                $"regions.optional: unknown region '{region.Value}'{DidYouMean.Suffix(region.Value, known)}"
            );
        if (include?.Value == "true" || regions.Optional.Count == 0)
            return document;

        var left = regions.Optional.Select(r => r.Value).ToHashSet(StringComparer.Ordinal);
        var services = document.Services.Where(s => s.Region is null || !left.Contains(s.Region.Value)).ToList();
        var gone = document.Services.Except(services).ToList();
        var goneNames = gone.Select(s => s.Name?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var goneHosts = gone.Select(s => s.Host?.Value).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var probes = document.Probes.Where(p => !LeftOut(p, left, goneHosts)).ToList();
        var links = regions.Links.Where(l => !goneNames.Contains(l.From?.Value ?? "") && !goneNames.Contains(l.To?.Value ?? "")).ToList();
        var subjects = document
            .Probes.Except(probes)
            .Select(p => p.Settings.GetValueOrDefault("name")?.Value)
            .Concat(regions.Links.Except(links).Select(l => l.Name?.Value ?? $"{l.From?.Value}--{l.To?.Value}"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return document with
        {
            Services = services,
            Probes = probes,
            Thresholds = document.Thresholds.Where(t => !subjects.Contains(t.Probe.Value)).ToList(),
            Regions = regions with { Links = links },
        };
    }

    private static bool LeftOut(ProbeDocument probe, HashSet<string> left, HashSet<string> goneHosts)
    {
        if (probe.Settings.GetValueOrDefault("region") is { } region && left.Contains(region.Value))
            return true;
        var url = probe.Settings.GetValueOrDefault("url")?.Value;
        return url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && goneHosts.Contains(uri.Host);
    }
}
