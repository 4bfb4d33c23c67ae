namespace Harness.Cli;

/// <summary><c>--tag T</c> (repeatable) on run and list: a scenario is selected when it carries any of the tags.</summary>
internal static class TagSelection
{
    public static bool Selects(IReadOnlyCollection<string>? wanted, IReadOnlyList<string> tags) =>
        wanted is null || wanted.Count == 0 || tags.Any(t => wanted.Contains(t, StringComparer.Ordinal));

    /// <summary>The message when nothing carries the tags, naming the tags the scenarios do have.</summary>
    public static string NoneMessage(IReadOnlyCollection<string> wanted, IEnumerable<string> present)
    {
        var known = present.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var listed = known.Count == 0 ? "none" : string.Join(", ", known);
        return $"no scenario tagged {string.Join(" or ", wanted)}; tags in these files: {listed}";
    }
}
