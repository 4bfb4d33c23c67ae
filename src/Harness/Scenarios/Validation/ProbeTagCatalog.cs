using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>
/// The sample tags each probe kind sets (besides probe and phase), so a threshold scoped to a tag no sample
/// of that probe carries is a load error instead of a threshold that can never see a sample. Keep in step with
/// the probes' <c>SampleTags.With</c> calls and participant tags.
/// </summary>
internal static class ProbeTagCatalog
{
    public static IReadOnlyList<string> For(ProbeSpec probe) => probe.Split is null ? ForKind(probe) : [.. ForKind(probe), "version"];

    private static IReadOnlyList<string> ForKind(ProbeSpec probe) =>
        probe switch
        {
            HttpProbeSpec => ["status", "error", "expected_response", "check"],
            WebSocketProbeSpec w => ["participant", "role", "status", "error", "cause", "client_version", .. Extra(w.Tags.Keys)],
            BrowserProbeSpec b =>
            [
                "participant",
                "role",
                "client_version",
                "step",
                "kind",
                "outcome",
                "check",
                "reason",
                "error",
                .. Extra(b.Participants.SelectMany(p => p.Attributes.Keys)),
            ],
            _ => ["status", "error", "expected_response", "check", "cause"],
        };

    /// <summary>
    /// The values a declared tag can take, each with the sample values it stands for (a participant declared with
    /// count 3 stands for its three copies); null when the tag's values are not declared in the scenario.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>>? Values(ProbeSpec probe, string tag) =>
        (probe, tag) switch
        {
            (BrowserProbeSpec b, "participant") => Participants(b),
            (BrowserProbeSpec b, "role") => Exact(b.Participants.Select(p => p.Role)),
            (BrowserProbeSpec b, "client_version") => Exact(b.Participants.Select(p => p.ClientVersion)),
            (WebSocketProbeSpec w, "participant" or "role" or "client_version") => Exact([w.Tags.GetValueOrDefault(tag)]),
            (_, "version") when probe.Split is not null => Exact(probe.Split.Select(s => s.Version)),
            (WebSocketProbeSpec w, _) when w.Tags.ContainsKey(tag) => Exact([w.Tags[tag]]),
            (BrowserProbeSpec b, _) when b.Participants.Any(p => p.Attributes.ContainsKey(tag)) => Exact(
                b.Participants.Select(p => p.Attributes.GetValueOrDefault(tag))
            ),
            _ => null,
        };

    // Participant attributes (network: lossy ...) are tags too; the fixed ones are listed already.
    private static IEnumerable<string> Extra(IEnumerable<string> keys) =>
        keys.Except(["participant", "role", "client_version"], StringComparer.Ordinal).Distinct(StringComparer.Ordinal);

    private static Dictionary<string, IReadOnlyList<string>> Participants(BrowserProbeSpec probe)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var p in probe.Participants)
        {
            // Copies are named like the browser probe names them: "student-1", "student-2", ...
            List<string> copies =
                p.Count == 1
                    ? [p.Name]
                    : Enumerable
                        .Range(1, p.Count)
                        .Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Name}-{i}"))
                        .ToList();
            values[p.Name] = copies;
            if (p.Count > 1)
                foreach (var copy in copies)
                    values.TryAdd(copy, [copy]);
        }
        return values;
    }

    private static Dictionary<string, IReadOnlyList<string>> Exact(IEnumerable<string?> values) =>
        values
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(v => v, v => (IReadOnlyList<string>)[v], StringComparer.Ordinal);
}
