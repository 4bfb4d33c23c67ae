namespace Harness.Probes.Http;

/// <summary>
/// What a response must show besides its status. Each expectation becomes its own <c>checks</c> sample (1 pass,
/// 0 fail) whose <c>check</c> tag names it, for example <c>body contains "ok"</c>; a request that got no
/// response fails every check.
/// </summary>
public sealed record HttpExpectations
{
    /// <summary>Texts the body must contain (ordinal, case-sensitive). Null for none.</summary>
    public IReadOnlyList<string>? BodyContains { get; init; }

    /// <summary>
    /// Dotted JSON paths (<c>version</c>, <c>data.items.0.id</c>) and the value each must equal: a string's content,
    /// or a number (compared by value), true, false or null as written. Null for none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? JsonPathEquals { get; init; }

    /// <summary>
    /// Response headers (content headers included, names case-insensitive) and a text each must contain
    /// (case-insensitive; empty: present). Null for none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? HeaderContains { get; init; }

    /// <summary>Whether <paramref name="path"/> is a dotted JSON path these checks accept (no empty segment).</summary>
    public static bool IsJsonPath(string? path) => Internal.JsonPath.IsValid(path);

    internal bool NeedsBody => BodyContains is { Count: > 0 } || JsonPathEquals is { Count: > 0 };
}
