using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.Scenarios.Profiles;

namespace Harness.Scenarios.Validation;

/// <summary>
/// Finds named profiles (a file in the nearest <c>profiles/</c> folder at or above the scenario's folder, else the
/// built-in of that name; see <see cref="ProfileCatalog"/>), reads them strictly, and applies field-by-field overrides
/// written in the scenario.
/// </summary>
internal sealed class ProfileResolver(string scenarioDirectory, ValueReader values)
{
    private readonly Dictionary<string, NetworkProfile?> _cache = new(StringComparer.Ordinal);
    private readonly ProfileCatalog _catalog = ProfileCatalog.At(scenarioDirectory);

    public string? ProfilesDirectory => _catalog.LocalDirectory;

    /// <summary>Every profile name a scenario here may use.</summary>
    public IReadOnlyList<string> Names => _catalog.Names;

    /// <summary>Where a name resolves to (local file or built-in), or null.</summary>
    public ProfileFile? Find(string name) => _catalog.Find(name);

    public NetworkProfile? Resolve(ProfileReference? reference)
    {
        if (reference is null)
            return null;
        var baseProfile = reference.Name is null
            ? new NetworkProfile("inline", null, null, null, null, null, null, null)
            : Load(reference.Name);
        return baseProfile is null
            ? null
            : Apply(baseProfile, reference.Fields, reference.Name is null ? "inline profile" : $"profile {reference.Name.Value}");
    }

    private NetworkProfile? Load(Located<string> name)
    {
        if (_cache.TryGetValue(name.Value, out var cached))
            return cached;
        var file = _catalog.Find(name.Value);
        if (file is null)
        {
            var known = _catalog.Names;
            values.Diagnostics.Add(
                name.Location,
                $"unknown profile '{name.Value}'{DidYouMean.Suffix(name.Value, known)}; known: {string.Join(", ", known)}"
            );
            return _cache[name.Value] = null;
        }
        var display = file.Display;
        var stream = YamlText.Load(file.Text, display, values.Diagnostics);
        if (stream is null)
            return _cache[name.Value] = null;
        var reader = MappingReader.Open(
            stream.Documents.FirstOrDefault()?.RootNode,
            "profile",
            new YamlReadContext(display, values.Diagnostics),
            ScenarioKeys.ProfileFile
        );
        if (reader is null)
            return _cache[name.Value] = null;
        var declared = reader.Scalar("name", required: true);
        if (declared is not null && declared.Value != name.Value)
        {
            values.Diagnostics.Add(
                declared.Location,
                $"profile file {name.Value}.yaml declares name '{declared.Value}'; it must match the file name"
            );
        }
        var profile = new NetworkProfile(
            name.Value,
            reader.Scalar("description")?.Value,
            reader.Scalar("source")?.Value,
            null,
            null,
            null,
            null,
            null
        );
        return _cache[name.Value] = Apply(profile, reader.Scalars(ScenarioKeys.ProfileFields), $"profile {name.Value}");
    }

    private NetworkProfile Apply(NetworkProfile profile, IReadOnlyDictionary<string, Located<string>> fields, string what)
    {
        long? Unit(string key, AttributeUnit unit)
        {
            if (!fields.TryGetValue(key, out var raw))
                return null;
            var (value, error) = UnitParser.Parse(raw.Value, unit);
            if (error is not null)
                values.Diagnostics.Add(raw.Location, $"{what} {key}: {error}");
            return value;
        }
        TimeSpan? Duration(string key) =>
            fields.TryGetValue(key, out var raw) ? values.Duration(raw, $"{what} {key}", TimeSpan.Zero, allowZero: true) : null;
        double? loss = fields.TryGetValue("loss", out var rawLoss)
            ? values.Number(rawLoss with { Value = rawLoss.Value.TrimEnd('%') }, $"{what} loss (percent)", 0, 0, 100)
            : null;
        return profile with
        {
            Rtt = Duration("rtt") ?? profile.Rtt,
            Jitter = Duration("jitter") ?? profile.Jitter,
            DownKilobytesPerSecond = Unit("down", AttributeUnit.KilobytesPerSecond) ?? profile.DownKilobytesPerSecond,
            UpKilobytesPerSecond = Unit("up", AttributeUnit.KilobytesPerSecond) ?? profile.UpKilobytesPerSecond,
            LossPercent = loss ?? profile.LossPercent,
        };
    }
}
