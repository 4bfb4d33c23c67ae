using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Loading;

/// <summary>
/// A variable whose value is chosen by another variable: <c>slow_for: { by: full, "false": 15s, "true": 2m }</c> takes
/// the entry named by <c>${full}</c>. One switch (<c>--var full=true</c>) can so scale several values at once.
/// </summary>
internal static class VariableChoice
{
    public const string ByKey = "by";

    public static bool IsChoice(YamlMappingNode table) => table.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == ByKey);

    /// <param name="valueOf">Resolves a variable and returns its value, or null when there is none.</param>
    public static YamlScalarNode? Pick(string name, YamlMappingNode table, Func<string, string?> valueOf, YamlReadContext context)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in table.Children)
            entries[(key as YamlScalarNode)?.Value ?? string.Empty] = value;
        if (entries[ByKey] is not YamlScalarNode { Value: { Length: > 0 } by })
        {
            context.Error(table, $"variable '{name}': 'by' must name the variable that chooses among the values");
            return null;
        }
        var choices = entries.Keys.Where(k => k != ByKey).ToList();
        var selector = valueOf(by);
        if (selector is null)
        {
            context.Error(
                entries[ByKey],
                $"variable '{name}' is chosen by '{by}', which is not a declared variable with a value (or chooses by '{name}' in turn)"
            );
            return null;
        }
        if (!entries.TryGetValue(selector, out var chosen) || selector == ByKey)
        {
            context.Error(table, $"variable '{name}' has no value for {by}={selector}; its choices are {string.Join(", ", choices)}");
            return null;
        }
        if (chosen is YamlScalarNode scalar)
            return scalar;
        context.Error(chosen, $"variable '{name}': the value for {by}={selector} must be a single value");
        return null;
    }
}
