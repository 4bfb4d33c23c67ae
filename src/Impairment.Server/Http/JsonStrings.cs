using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Harness.Impairment.Server.Http;

/// <summary>
/// Checks every string and property name of a JSON value before anything decodes it. Go replaces invalid UTF-8 and
/// lone surrogate escapes with U+FFFD; we refuse them instead (docs/toxiproxy-compatibility.md), so a name is
/// never silently changed and the decoder below never meets text it cannot turn into a string.
/// </summary>
internal static class JsonStrings
{
    /// <summary>Null when the string under <paramref name="reader"/> is text; else the 400 detail naming its byte offset.</summary>
    public static string? Problem(ref Utf8JsonReader reader, int bodyOffset)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            return null;
        var at = bodyOffset + reader.TokenStartIndex;
        if (!Utf8.IsValid(reader.ValueSpan))
        {
            return string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 in a JSON string at byte {at}");
        }
        if (!reader.ValueIsEscaped)
            return null;
        try
        {
            reader.GetString();
            return null;
        }
        catch (InvalidOperationException)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"a JSON string at byte {at} holds a lone surrogate escape (\\ud800-\\udfff without its pair)"
            );
        }
    }
}
