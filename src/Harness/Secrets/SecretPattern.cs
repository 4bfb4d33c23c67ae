using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Harness.Secrets;

/// <summary>
/// The regular expression for one secret in every form it commonly takes in a value that came back from outside:
/// each character raw, percent-encoded (its UTF-8 bytes, either hex case; a space also as +), JSON-escaped
/// (<c>\uXXXX</c>, <c>\"</c>, <c>\/</c>, ...) or as an HTML/XML character reference (<c>&amp;#NN;</c>, <c>&amp;#xHH;</c>,
/// <c>&amp;quot;</c>, ...), mixed freely, so a partly encoded URL matches too; plus the secret's base64 forms.
/// </summary>
internal static class SecretPattern
{
    /// <summary>Base64 text shorter than this is too likely to occur by chance to be masked.</summary>
    private const int MinimumBase64Length = 8;

    public static string For(string secret)
    {
        var pattern = new StringBuilder();
        foreach (var rune in secret.EnumerateRunes())
            pattern.Append("(?:").Append(string.Join('|', Forms(rune))).Append(')');
        var alternatives = new List<string> { pattern.ToString() };
        alternatives.AddRange(Base64Forms(Encoding.UTF8.GetBytes(secret)).Select(Regex.Escape));
        return string.Join('|', alternatives.Distinct(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Forms(Rune rune)
    {
        var utf8 = new byte[rune.Utf8SequenceLength];
        rune.EncodeToUtf8(utf8);
        yield return string.Concat(utf8.Select(b => "%" + Hex(b, 2)));
        if (rune.Value == ' ')
            yield return @"\+";
        yield return Json(rune);
        if (JsonShort(rune) is { } escape)
            yield return Regex.Escape(escape);
        yield return $"&#0*{rune.Value.ToString(CultureInfo.InvariantCulture)};";
        yield return $"&#[xX]0*{Hex(rune.Value, 1)};";
        if (HtmlNamed(rune) is { } named)
            yield return named;
        // Raw last: alternatives are tried in order, and a raw % must not end a match that %25 would carry on.
        yield return Regex.Escape(rune.ToString());
    }

    private static string Json(Rune rune)
    {
        Span<char> units = stackalloc char[2];
        var count = rune.EncodeToUtf16(units);
        return string.Concat(units[..count].ToArray().Select(c => @"\\u" + Hex(c, 4)));
    }

    private static string? JsonShort(Rune rune) =>
        rune.Value switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '/' => "\\/",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => null,
        };

    private static string? HtmlNamed(Rune rune) =>
        rune.Value switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            0xA0 => "&nbsp;",
            _ => null,
        };

    /// <summary>Hex digits of <paramref name="value"/> (at least <paramref name="digits"/>), each letter matching either case.</summary>
    private static string Hex(int value, int digits) =>
        string.Concat(
            value
                .ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                .Select(c => char.IsLetter(c) ? $"[{c}{char.ToLowerInvariant(c)}]" : c.ToString())
        );

    /// <summary>
    /// The part of the base64 (and base64url) text that the secret's bytes alone decide, for each of the three positions
    /// the secret can start at within a base64 group, so it is found inside a longer encoded value (<c>user:secret</c>).
    /// </summary>
    private static IEnumerable<string> Base64Forms(byte[] secret)
    {
        for (var offset = 0; offset < 3; offset++)
        {
            var padded = new byte[offset + secret.Length + 2];
            secret.CopyTo(padded, offset);
            var text = Convert.ToBase64String(padded);
            // Character j holds bits 6j..6j+5: it is the secret's alone when both ends fall inside the secret's bytes.
            var first = Enumerable.Range(0, text.Length).FirstOrDefault(j => 6 * j / 8 >= offset, -1);
            var last = Enumerable.Range(0, text.Length).LastOrDefault(j => (6 * j + 5) / 8 <= offset + secret.Length - 1, -1);
            if (first < 0 || last - first + 1 < MinimumBase64Length)
                continue;
            var stable = text[first..(last + 1)];
            yield return stable;
            yield return stable.Replace('+', '-').Replace('/', '_');
        }
    }
}
