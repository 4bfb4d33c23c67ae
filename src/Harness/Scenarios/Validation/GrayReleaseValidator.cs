using System.Globalization;
using Harness.Probes.Abstractions;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Validation;

/// <summary>
/// Checks <c>versions:</c>, each probe's <c>split:</c> and <c>gray_release:</c>, and gives split probes their shares.
/// Every problem is reported with its location.
/// </summary>
internal static class GrayReleaseValidator
{
    public const int MaxWeight = 1000;

    public static (IReadOnlyList<VersionSpec> Versions, GrayReleaseGateSpec? Gate) Validate(
        ScenarioDocument document,
        TargetSpec target,
        ref IReadOnlyList<ValidatedProbe> probes,
        ValueReader values
    )
    {
        var versions = Versions(document.GrayRelease, target, values);
        var split = probes.Select(p => Split(p, document, versions, values)).ToList();
        probes = split;
        var gate = Gate(document.GrayRelease?.Gate, versions, split, values);
        return (versions, gate);
    }

    private static List<VersionSpec> Versions(GrayReleaseDocument? document, TargetSpec target, ValueReader values)
    {
        var result = new List<VersionSpec>();
        foreach (var (name, host) in document?.Versions ?? [])
        {
            var checkedName = ScenarioValidator.CheckName(name, "version name", values.Diagnostics);
            if (host is not null && Uri.CheckHostName(host.Value) == UriHostNameType.Unknown)
            {
                values.Diagnostics.Add(host.Location, $"version '{name.Value}' host '{host.Value}' is not a host name");
            }
            else if (host is not null && !target.AllowHosts.Contains(host.Value, StringComparer.OrdinalIgnoreCase))
            {
                values.Diagnostics.Add(
                    host.Location,
                    $"version '{name.Value}' reaches host '{host.Value}', which is not in target.allow_hosts; add it there if this scenario may touch it"
                );
            }
            if (checkedName is not null && host is not null)
                result.Add(new VersionSpec(checkedName, host.Value));
        }
        if (document?.VersionsLocation is { } where && document.Versions.Count < 2)
        {
            values.Diagnostics.Add(where, "versions: declare at least two versions to split probes between");
        }
        return result;
    }

    private static ValidatedProbe Split(ValidatedProbe probe, ScenarioDocument document, List<VersionSpec> versions, ValueReader values)
    {
        var body = document.Probes.FirstOrDefault(d => d.Settings.GetValueOrDefault("name")?.Value == probe.Spec.Name)?.Body;
        var node = body?.Node("split");
        if (body is null || node is null)
            return probe;
        var where = body.Context.At(node);
        if (probe.Spec is not (HttpProbeSpec or WebSocketProbeSpec))
        {
            values.Diagnostics.Add(where, $"probe '{probe.Spec.Name}': split works on http and websocket probes");
            return probe;
        }
        if (versions.Count == 0)
        {
            values.Diagnostics.Add(where, $"probe '{probe.Spec.Name}': split needs the versions it splits between under versions:");
            return probe;
        }
        if (node is not YamlMappingNode weights)
        {
            values.Diagnostics.Add(where, $"probe '{probe.Spec.Name}': split must map versions to weights, e.g. split: {{ A: 90, B: 10 }}");
            return probe;
        }
        var shares = new List<VersionShare>();
        foreach (var (key, value) in weights.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            var version = versions.FirstOrDefault(v => v.Name == name);
            if (version is null)
            {
                values.Diagnostics.Add(
                    body.Context.At(key),
                    $"probe '{probe.Spec.Name}': split names version '{name}'{DidYouMean.Suffix(name, versions.Select(v => v.Name))}, "
                        + $"but versions declares {string.Join(", ", versions.Select(v => v.Name))}"
                );
                continue;
            }
            var raw = new Located<string>((value as YamlScalarNode)?.Value ?? string.Empty, body.Context.At(value));
            shares.Add(new VersionShare(name, version.Host, values.Integer(raw, $"split weight of version '{name}'", 0, 0, MaxWeight)));
        }
        var active = shares.Count(s => s.Weight > 0);
        if (active == 0)
            values.Diagnostics.Add(where, $"probe '{probe.Spec.Name}': split needs at least one version with a weight above 0");
        if (probe.Spec is WebSocketProbeSpec ws && ws.Clients < active)
        {
            values.Diagnostics.Add(
                where,
                $"probe '{probe.Spec.Name}': {ws.Clients.ToString(CultureInfo.InvariantCulture)} client(s) cannot be split between {active.ToString(CultureInfo.InvariantCulture)} versions"
            );
        }
        return probe with { Spec = probe.Spec with { Split = shares } };
    }

    private static GrayReleaseGateSpec? Gate(
        GrayReleaseGateDocument? gate,
        List<VersionSpec> versions,
        List<ValidatedProbe> probes,
        ValueReader values
    )
    {
        if (gate is null)
            return null;
        string? Version(Located<string>? raw, string role)
        {
            if (raw is null)
                return null;
            if (versions.Any(v => v.Name == raw.Value))
                return raw.Value;
            values.Diagnostics.Add(
                raw.Location,
                $"gray_release {role} '{raw.Value}' is not a declared version{DidYouMean.Suffix(raw.Value, versions.Select(v => v.Name))}"
                    + (
                        versions.Count == 0
                            ? "; declare them under versions:"
                            : $"; versions are {string.Join(", ", versions.Select(v => v.Name))}"
                    )
            );
            return null;
        }
        var baseline = Version(gate.Baseline, "baseline");
        var candidate = Version(gate.Candidate, "candidate");
        if (baseline is not null && baseline == candidate)
            values.Diagnostics.Add(gate.Candidate!.Location, "gray_release candidate must differ from the baseline");
        foreach (var metric in gate.Metrics.Where(m => !MetricNames.All.ContainsKey(m.Value)))
        {
            values.Diagnostics.Add(
                metric.Location,
                $"gray_release metrics: unknown metric '{metric.Value}'{DidYouMean.Suffix(metric.Value, MetricNames.All.Keys)}"
            );
        }
        bool Runs(ValidatedProbe p, string? v) => p.Spec.Split?.Any(s => s.Version == v && s.Weight > 0) == true;
        if (baseline is not null && candidate is not null && !probes.Any(p => Runs(p, baseline) && Runs(p, candidate)))
        {
            values.Diagnostics.Add(
                gate.Location,
                $"gray_release: no probe splits its participants between {baseline} and {candidate}; add split: {{ {baseline}: 50, {candidate}: 50 }} to a probe"
            );
        }
        var (ms, ratio) = MinEffect(gate.MinEffect, values);
        return baseline is null || candidate is null
            ? null
            : new GrayReleaseGateSpec(baseline, candidate, gate.Metrics.Select(m => m.Value).ToList(), ms, ratio);
    }

    private static (double? Ms, double? Ratio) MinEffect(Located<string>? raw, ValueReader values)
    {
        if (raw is null)
            return (null, null);
        if (
            raw.Value.EndsWith('%')
            && double.TryParse(raw.Value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
            && percent is > 0 and <= 1000
        )
        {
            return (null, percent / 100);
        }
        if (raw.Value.EndsWith("ms", StringComparison.Ordinal) || raw.Value.EndsWith('s'))
        {
            var duration = values.Duration(raw, "gray_release min_effect", TimeSpan.Zero);
            return (duration.TotalMilliseconds, null);
        }
        values.Diagnostics.Add(
            raw.Location,
            $"gray_release min_effect '{raw.Value}' must be a duration (20ms) or a share of the baseline (10%)"
        );
        return (null, null);
    }
}
