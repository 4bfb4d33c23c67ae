using System.Text.Json;

namespace Harness.Impairment.Server.Http;

/// <summary>
/// Reads a request body the way Go's <c>json.Decoder.Decode</c> does: only the first JSON value counts, trailing
/// bytes are ignored, and failures carry Go's wording (<c>EOF</c>, <c>invalid character ...</c>). Every string of
/// that value is checked first (<see cref="JsonStrings"/>), so later decoding cannot throw.
/// </summary>
internal static class GoJson
{
    public static bool TryParseFirstValue(ReadOnlyMemory<byte> body, out JsonElement root, out string error)
    {
        root = default;
        if (!TryScanFirstValue(body, out var start, out error))
            return false;
        var reader = new Utf8JsonReader(body.Span[start..], new JsonReaderOptions { AllowMultipleValues = true });
        using var document = JsonDocument.ParseValue(ref reader);
        root = document.RootElement.Clone();
        return true;
    }

    /// <summary>
    /// Walks the first value token by token without building it: syntax and every string are checked, and
    /// <paramref name="start"/> is where the value begins. A caller may then decode it piece by piece.
    /// </summary>
    public static bool TryScanFirstValue(ReadOnlyMemory<byte> body, out int start, out string error)
    {
        error = "";
        start = body.Span.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            error = "EOF";
            return false;
        }
        var first = (char)body.Span[start];
        if (first is not ('{' or '[' or '"' or '-' or 't' or 'f' or 'n') && !char.IsAsciiDigit(first))
        {
            error = $"invalid character '{first}' looking for beginning of value";
            return false;
        }
        var reader = new Utf8JsonReader(body.Span[start..], new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            do
            {
                if (!reader.Read())
                {
                    error = "unexpected EOF";
                    return false;
                }
                if (JsonStrings.Problem(ref reader, start) is { } problem)
                {
                    error = problem;
                    return false;
                }
            } while (
                reader.CurrentDepth > 0
                || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName
            );
            return true;
        }
        catch (JsonException ex)
        {
            error = ex.BytePositionInLine >= body.Length - start - 1 ? "unexpected EOF" : DescribeInvalid(ex);
            return false;
        }
    }

    /// <summary>Go's name for the JSON kind in "cannot unmarshal X into ..." messages.</summary>
    public static string KindName(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Array => "array",
            _ => "object",
        };

    /// <summary>The same names for a token where a value starts.</summary>
    public static string KindName(JsonTokenType token) =>
        token switch
        {
            JsonTokenType.String => "string",
            JsonTokenType.Number => "number",
            JsonTokenType.True or JsonTokenType.False => "bool",
            JsonTokenType.StartArray => "array",
            _ => "object",
        };

    private static string DescribeInvalid(JsonException ex) => "invalid JSON: " + (ex.Message.Split(" Path:", 2)[0].TrimEnd('.'));
}
