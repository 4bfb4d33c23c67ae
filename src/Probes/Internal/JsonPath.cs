using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Harness.Probes.Internal;

/// <summary>
/// A dotted path into a JSON document (<c>seq</c>, <c>data.seq</c>, <c>items.0.id</c>: a numeric segment
/// indexes an array), found with a forward-only reader, without building a document.
/// </summary>
internal sealed class JsonPath
{
    private readonly byte[][] _names;
    private readonly int[] _indexes; // -1 where the segment is not a valid array index

    public JsonPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Text = path;
        var segments = path.Split('.');
        _names = [.. segments.Select(Encoding.UTF8.GetBytes)];
        _indexes = [.. segments.Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)];
    }

    public string Text { get; }

    /// <summary>Whether every segment is non-empty (a valid path).</summary>
    public static bool IsValid(string? path) => !string.IsNullOrWhiteSpace(path) && path.Split('.').All(s => s.Length > 0);

    /// <summary>
    /// Positions <paramref name="reader"/> on the value at this path; false when it is absent or the input is not whole, valid JSON.
    /// </summary>
    public bool TryFind(ReadOnlySpan<byte> utf8Json, out Utf8JsonReader reader)
    {
        reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read())
                return false;
            for (var depth = 0; depth < _names.Length; depth++)
            {
                if (!Step(ref reader, depth))
                    return false;
            }
            var rest = reader; // a copy: reads on to the end so that truncated or malformed input is rejected
            while (rest.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public bool TryReadInt64(ReadOnlySpan<byte> utf8Json, out long value)
    {
        value = 0;
        return TryFind(utf8Json, out var reader) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
    }

    public bool TryReadDouble(ReadOnlySpan<byte> utf8Json, out double value)
    {
        value = 0;
        return TryFind(utf8Json, out var reader) && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value);
    }

    /// <summary>
    /// The value as text: a string's content, or the raw token of a number, true, false or null; objects and arrays give false.
    /// </summary>
    public bool TryReadText(ReadOnlySpan<byte> utf8Json, out string? value)
    {
        value = null;
        if (!TryFind(utf8Json, out var reader))
            return false;
        value = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => Encoding.UTF8.GetString(
                reader.ValueSpan
            ),
            _ => null,
        };
        return value is not null;
    }

    // Moves from the container the reader is on to the value of segment `depth` inside it.
    private bool Step(ref Utf8JsonReader reader, int depth)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(_names[depth]);
                reader.Read();
                if (match)
                    return true;
                reader.Skip();
            }
            return false;
        }
        if (reader.TokenType != JsonTokenType.StartArray || _indexes[depth] < 0)
            return false;
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == _indexes[depth])
                return true;
            reader.Skip();
        }
        return false;
    }
}
