namespace Harness.Cli;

/// <summary>
/// Parses repeated <c>NAME=VALUE</c> options (<c>--var</c>, <c>--baseline</c>, <c>--candidate</c>) into a map, collecting every mistake.
/// </summary>
internal static class VariableArguments
{
    /// <param name="option">The option's name for messages, e.g. <c>--var</c>.</param>
    public static Dictionary<string, string> Parse(IEnumerable<string> raw, string option, ICollection<string> errors)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in raw)
        {
            // The value may itself hold '=' (a query string, a flag): only the first one separates.
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? item : item[..equals].Trim();
            if (equals <= 0 || name.Length == 0)
            {
                errors.Add($"{option} '{item}': expected NAME=VALUE, e.g. {option} client_version=2.4");
                continue;
            }
            if (!values.TryAdd(name, item[(equals + 1)..]))
                errors.Add($"{option} {name} is given twice");
        }
        return values;
    }
}
