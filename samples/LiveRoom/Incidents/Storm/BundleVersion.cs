using System.Text.RegularExpressions;

namespace LiveRoom.Incidents.Storm;

/// <summary>Client bundle versions: digits and dots (1.0.0), so they can sit in a file name and a script literal.</summary>
internal static partial class BundleVersion
{
    [GeneratedRegex(@"^[0-9]+(\.[0-9]+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? version) => version is not null && Pattern().IsMatch(version);
}
