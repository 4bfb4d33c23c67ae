namespace Harness.Scenarios.Matrix;

/// <summary>One combination of matrix values; <see cref="Name"/> is readable (<c>client_version=2.3,network.profile=slow-3g</c>).</summary>
public sealed record MatrixCell(IReadOnlyList<KeyValuePair<string, string>> Values)
{
    public string Name => string.Join(",", Values.Select(v => $"{v.Key}={v.Value}"));

    /// <summary>A folder-safe form of the name for report directories.</summary>
    public string Slug =>
        string.Concat(
            Name.Select(c =>
                char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c
                : c == '=' ? '-'
                : '_'
            )
        );

    public bool Matches(IReadOnlyDictionary<string, string> pattern) =>
        pattern.All(p => Values.Any(v => v.Key == p.Key && v.Value == p.Value));
}
