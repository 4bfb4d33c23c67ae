namespace Harness.Scenarios.Profiles;

/// <summary>
/// The profiles a scenario can name. Precedence: a file in the nearest <c>profiles/</c> (or <c>scenarios/profiles/</c>)
/// folder at or above the scenario's folder, then the built-in profile of that name. A local file thus shadows the
/// built-in of the same name and leaves the other built-ins available.
/// </summary>
internal sealed class ProfileCatalog(string? localDirectory)
{
    /// <summary>The local <c>profiles/</c> folder, or null when there is none at or above the start folder.</summary>
    public string? LocalDirectory => localDirectory;

    public static ProfileCatalog At(string startDirectory) => new(FindProfilesDirectory(startDirectory));

    /// <summary>Every name available: the local folder's and the built-ins, each once, in ordinal order.</summary>
    public IReadOnlyList<string> Names => [.. LocalNames().Union(BuiltInProfiles.Names).Order(StringComparer.Ordinal)];

    /// <summary>The file a name resolves to (local first), or null when neither the local folder nor the built-ins have it.</summary>
    public ProfileFile? Find(string name)
    {
        if (!IsPlainName(name))
            return null;
        if (localDirectory is not null)
        {
            var path = Path.Combine(localDirectory, name + ".yaml");
            if (File.Exists(path))
                return new ProfileFile(name, path, File.ReadAllText(path));
        }
        return BuiltInProfiles.Text(name) is { } text ? new ProfileFile(name, null, text) : null;
    }

    public static string? FindProfilesDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "profiles");
            if (Directory.Exists(candidate))
                return candidate;
            var nested = Path.Combine(dir.FullName, "scenarios", "profiles");
            if (Directory.Exists(nested))
                return nested;
        }
        return null;
    }

    private IEnumerable<string> LocalNames() =>
        localDirectory is null ? [] : Directory.EnumerateFiles(localDirectory, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f));

    // A profile name is a file name, never a path: "../x" must not reach outside the folder.
    private static bool IsPlainName(string name) => name.Length > 0 && name.IndexOfAny(['/', '\\']) < 0 && name != "." && name != "..";
}
