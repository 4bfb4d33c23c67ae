using System.Text.Json;

namespace Harness.Impairment.Server.Http;

/// <summary>
/// Reads a request body the way Go's <c>json.Decoder.Decode</c> does: only the first JSON value counts, trailing
/// bytes are ignored, and failures carry Go's wording (<c>EOF</c>, <c>invalid character ...</c>).
/// </summary>
internal static class GoJson
{
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    public static bool TryParseFirstValue(byte[] body, out JsonElement root, out string error)
    {
        root = default;
        error = "";
        var start = Array.FindIndex(body, b => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'));
        if (start < 0)
        {
            error = "EOF";
            return false;
        }
        var first = (char)body[start];
        if (first is not ('{' or '[' or '"' or '-' or 't' or 'f' or 'n') && !char.IsAsciiDigit(first))
        {
            error = $"invalid character '{first}' looking for beginning of value";
            return false;
        }
        var reader = new Utf8JsonReader(body.AsSpan(start), new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException ex)
        {
            error = ex.BytePositionInLine >= body.Length - start - 1 ? "unexpected EOF" : DescribeInvalid(ex);
            return false;
        }
    }

    /// <summary>Go's name for the JSON kind in "cannot unmarshal X into ..." messages.</summary>
    public static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    private static string DescribeInvalid(JsonException ex) =>
        "invalid JSON: " + (ex.Message.Split(" Path:", 2)[0].TrimEnd('.'));
}
