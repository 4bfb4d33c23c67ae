using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Secrets;

/// <summary>
/// The redaction stage of every report: a results model is copied with every string value (and dictionary key)
/// passed through the redactor, before any writer encodes it. The copy is made by a JSON round trip through the
/// model's own serializer options, so a field added to the model later is covered without touching this class;
/// numbers, times and enums are left as they are.
/// </summary>
public static class ModelRedaction
{
    [ThreadStatic]
    private static Func<string, string>? t_redact;

    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Redacting = [];

    /// <summary>A copy of <paramref name="model"/> with every string masked by <paramref name="redact"/>.</summary>
    public static T Apply<T>(T model, Func<string, string> redact, JsonSerializerOptions options)
        where T : class
    {
        var redacting = Redacting.GetValue(options, static o => new JsonSerializerOptions(o)
        {
            Converters = { new RedactingStringConverter() },
        });
        var previous = t_redact;
        t_redact = redact;
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(model, redacting);
            return JsonSerializer.Deserialize<T>(bytes, options)
                ?? throw new InvalidOperationException($"a redacted {typeof(T).Name} read back as null");
        }
        finally
        {
            t_redact = previous;
        }
    }

    private static string Redact(string value) => t_redact is { } redact ? redact(value) : value;

    /// <summary>Writes every string and dictionary key masked; reads them unchanged.</summary>
    private sealed class RedactingStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Redact(value));

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString()!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(Redact(value));
    }
}
