using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>
/// Finds named profiles in the nearest <c>profiles/</c> folder at or above the scenario's folder, reads them
/// strictly, and applies field-by-field overrides written in the scenario.
/// </summary>
internal sealed class ProfileResolver(string scenarioDirectory, ValueReader values)
{
    private readonly Dictionary<string, NetworkProfile?> _cache = new(StringComparer.Ordinal);

    public string? ProfilesDirectory { get; } = FindProfilesDirectory(scenarioDirectory);

    public NetworkProfile? Resolve(ProfileReference? reference)
    {
        if (reference is null) return null;
        var baseProfile = reference.Name is null ? new NetworkProfile("inline", null, null, null, null, null, null, null) : Load(reference.Name);
        return baseProfile is null ? null : Apply(baseProfile, reference.Fields, reference.Name is null ? "inline profile" : $"profile {reference.Name.Value}");
    }

    public static IEnumerable<string> Available(string? directory) =>
        directory is null ? [] : Directory.EnumerateFiles(directory, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    private NetworkProfile? Load(Located<string> name)
    {
        if (_cache.TryGetValue(name.Value, out var cached)) return cached;
        var path = ProfilesDirectory is null ? null : Path.Combine(ProfilesDirectory, name.Value + ".yaml");
        if (path is null || !File.Exists(path))
        {
            var known = Available(ProfilesDirectory).ToList();
            values.Diagnostics.Add(name.Location, ProfilesDirectory is null
                ? $"profile '{name.Value}': no profiles/ folder found at or above {scenarioDirectory}"
                : $"unknown profile '{name.Value}'{DidYouMean.Suffix(name.Value, known)}; known: {string.Join(", ", known)}");
            return _cache[name.Value] = null;
        }
        var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        var stream = YamlText.Load(File.ReadAllText(path), display, values.Diagnostics);
        if (stream is null) return _cache[name.Value] = null;
        var reader = MappingReader.Open(stream.Documents.FirstOrDefault()?.RootNode, "profile", new YamlReadContext(display, values.Diagnostics), ScenarioKeys.ProfileFile);
        if (reader is null) return _cache[name.Value] = null;
        var declared = reader.Scalar("name", required: true);
        if (declared is not null && declared.Value != name.Value)
        {
            values.Diagnostics.Add(declared.Location, $"profile file {Path.GetFileName(path)} declares name '{declared.Value}'; it must match the file name");
        }
        var profile = new NetworkProfile(name.Value, reader.Scalar("description")?.Value, reader.Scalar("source")?.Value, null, null, null, null, null);
        return _cache[name.Value] = Apply(profile, reader.Scalars(ScenarioKeys.ProfileFields), $"profile {name.Value}");
    }

    private NetworkProfile Apply(NetworkProfile profile, IReadOnlyDictionary<string, Located<string>> fields, string what)
    {
        long? Unit(string key, AttributeUnit unit)
        {
            if (!fields.TryGetValue(key, out var raw)) return null;
            var (value, error) = UnitParser.Parse(raw.Value, unit);
            if (error is not null) values.Diagnostics.Add(raw.Location, $"{what} {key}: {error}");
            return value;
        }
        TimeSpan? Duration(string key) => fields.TryGetValue(key, out var raw) ? values.Duration(raw, $"{what} {key}", TimeSpan.Zero, allowZero: true) : null;
        double? loss = fields.TryGetValue("loss", out var rawLoss) ? values.Number(rawLoss with { Value = rawLoss.Value.TrimEnd('%') }, $"{what} loss (percent)", 0, 0, 100) : null;
        return profile with
        {
            Rtt = Duration("rtt") ?? profile.Rtt,
            Jitter = Duration("jitter") ?? profile.Jitter,
            DownKilobytesPerSecond = Unit("down", AttributeUnit.KilobytesPerSecond) ?? profile.DownKilobytesPerSecond,
            UpKilobytesPerSecond = Unit("up", AttributeUnit.KilobytesPerSecond) ?? profile.UpKilobytesPerSecond,
            LossPercent = loss ?? profile.LossPercent,
        };
    }

    private static string? FindProfilesDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "profiles");
            if (Directory.Exists(candidate)) return candidate;
            var nested = Path.Combine(dir.FullName, "scenarios", "profiles");
            if (Directory.Exists(nested)) return nested;
        }
        return null;
    }
}
