namespace Harness.Scenarios.Profiles;

/// <summary>
/// The network profiles shipped inside the harness (the repository's <c>scenarios/profiles/*.yaml</c>, embedded at
/// build time), so a scenario anywhere can name them.
/// </summary>
internal static class BuiltInProfiles
{
    private const string Prefix = "Harness.Profiles.";
    private const string Suffix = ".yaml";
    private static readonly Lazy<IReadOnlyDictionary<string, string>> All = new(Read);

    public static IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>)All.Value.Keys;

    /// <summary>The profile file's text, or null when no built-in has that name.</summary>
    public static string? Text(string name) => All.Value.GetValueOrDefault(name);

    private static IReadOnlyDictionary<string, string> Read()
    {
        var assembly = typeof(BuiltInProfiles).Assembly;
        var profiles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(Suffix, StringComparison.Ordinal))
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            profiles[resource[Prefix.Length..^Suffix.Length]] = reader.ReadToEnd();
        }
        return profiles;
    }
}
