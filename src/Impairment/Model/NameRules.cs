using System.Globalization;

namespace Harness.Impairment.Model;

/// <summary>
/// What a proxy or toxic name may be: anything a URL path segment carries back once percent-decoded, so every
/// object the API creates can be read and deleted through its URL. Refused: '/' (a segment separator even when
/// encoded), "." and ".." (path navigation), control characters (no request line carries them), and names longer
/// than <see cref="MaxLength"/> (a URL naming a proxy and a toxic must stay well inside Kestrel's 8 KB request line).
/// </summary>
public static class NameRules
{
    public const int MaxLength = 255;

    /// <summary>Null when <paramref name="name"/> is usable; <paramref name="what"/> is "proxy" or "toxic".</summary>
    public static ImpairmentError? Check(string name, string what)
    {
        var problem = Problem(name);
        return problem is null ? null : new ImpairmentError(ImpairmentErrorKind.BadRequest, $"invalid {what} name: {problem}");
    }

    private static string? Problem(string name)
    {
        if (name.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"at most {MaxLength} characters (got {name.Length})");
        }
        if (name is "." or "..")
            return "'.' and '..' are path navigation, not names";
        if (name.Contains('/', StringComparison.Ordinal))
            return "'/' cannot be carried in a URL path segment";
        foreach (var c in name)
        {
            if (char.IsControl(c))
                return string.Create(CultureInfo.InvariantCulture, $"control character U+{(int)c:X4} is not allowed");
        }
        return null;
    }
}
