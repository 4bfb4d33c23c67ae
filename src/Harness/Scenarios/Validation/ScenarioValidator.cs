using System.Text.RegularExpressions;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>
/// Turns a <see cref="ScenarioDocument"/> into a typed <see cref="Scenario"/>, reporting every problem (not just
/// the first) with its location. Returns null when anything is wrong: nothing runs from a half-valid file.
/// </summary>
internal static partial class ScenarioValidator
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    internal static partial Regex NamePattern();

    /// <param name="matrix">The file's matrix and the cell this document is, for thresholds scoped to cells; null without a matrix.</param>
    public static Scenario? Validate(ScenarioDocument document, string path, DiagnosticBag diagnostics, MatrixScope? matrix = null)
    {
        var scoped = RegionScope.Apply(document, new ValueReader(diagnostics));
        if (ReferenceEquals(scoped, document))
            return ValidateScoped(document, path, diagnostics, matrix);
        // What a small run leaves out is checked all the same: a mistake there must not wait for the nightly run.
        var whole = new DiagnosticBag();
        ValidateScoped(document, path, whole, matrix);
        foreach (var d in whole.Items)
            diagnostics.Add(d.Location, d.Message);
        return ValidateScoped(scoped, path, diagnostics, matrix);
    }

    private static Scenario? ValidateScoped(ScenarioDocument document, string path, DiagnosticBag diagnostics, MatrixScope? matrix)
    {
        var values = new ValueReader(diagnostics);
        var name = CheckName(document.Name, "scenario name", diagnostics);
        var seed = document.Seed is null ? (int?)null : values.Integer(document.Seed, "seed", 0, int.MinValue, int.MaxValue);
        var target = TargetValidator.Validate(document.Target, values);
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        var services = ServiceValidator.Validate(document.Services, baseDirectory, values);
        var profiles = new ProfileResolver(baseDirectory, values);
        var network = NetworkValidator.Validate(document.Network, services, profiles, values);
        // Probes before the timeline: browser_network events name browser participants.
        var probes = ProbeValidator.Validate(document.Probes, target.BaseUrl, network, document.Location, values);
        // Before thresholds: a split probe's samples carry the version tag thresholds may scope to.
        var (versions, gate) = GrayReleaseValidator.Validate(document, target, ref probes, values);
        var timeline = TimelineValidator.Validate(document.Timeline, network, document.Location, values, probes, profiles);
        var (links, regionRtt) = RegionValidator.Validate(document.Regions, document.Services, services, probes, values);
        var serviceLinks = ServiceLinkValidator.Validate(
            document.Regions,
            document.Services,
            services,
            regionRtt,
            [.. network.Proxies.Concat(links).Select(p => p.Name), .. probes.Select(p => p.Spec.Name)],
            values
        );
        network = network with { Proxies = [.. network.Proxies, .. links, .. serviceLinks] };
        var thresholds = ThresholdValidator.Validate(document.Thresholds, probes, timeline, values, matrix, serviceLinks);
        AllowHostsValidator.Validate(document, target, probes, services, values);
        var total = timeline.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration);
        // Default cap: the timeline plus generous room for service start-up and cleanup.
        var maxDuration = values.Duration(document.MaxDuration, "max_duration", total + TimeSpan.FromMinutes(10));
        if (document.MaxDuration is not null && maxDuration < total)
        {
            diagnostics.Add(
                document.MaxDuration.Location,
                $"max_duration {document.MaxDuration.Value} is shorter than the timeline ({total.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}s)"
            );
        }
        var staleAfter = values.Duration(document.Network?.StaleAfter, "network.stale_after", TimeSpan.FromHours(1));
        if (diagnostics.HasErrors)
            return null;
        return new Scenario(
            name!,
            document.Description?.Value,
            document.Tags.Select(t => t.Value).ToList(),
            seed,
            Path.GetFullPath(path),
            target,
            services,
            network with
            {
                StaleAfter = staleAfter,
            },
            timeline,
            probes.Select(p => p.Spec).ToList(),
            thresholds
        )
        {
            MaxDuration = maxDuration,
            RegionRtt = regionRtt,
            Versions = versions,
            GrayRelease = gate,
        };
    }

    internal static string? CheckName(Located<string>? raw, string what, DiagnosticBag diagnostics)
    {
        if (raw is null)
            return null;
        if (NamePattern().IsMatch(raw.Value))
            return raw.Value;
        diagnostics.Add(
            raw.Location,
            $"{what} '{raw.Value}' may contain only letters, digits, '.', '_' and '-', starting with a letter or digit"
        );
        return null;
    }

    internal static void CheckUnique<T>(IEnumerable<T> items, Func<T, Located<string>?> key, string what, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (key(item) is { } k && !seen.Add(k.Value))
                diagnostics.Add(k.Location, $"duplicate {what} '{k.Value}'");
        }
    }
}
