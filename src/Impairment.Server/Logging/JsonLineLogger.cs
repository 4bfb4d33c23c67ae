using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Server.Logging;

/// <summary>Writes one JSON line per entry; structured values become snake_case fields (ProxyName is zerolog's <c>name</c>).</summary>
internal sealed class JsonLineLogger(JsonLineLoggerProvider provider, LogLevel minimum) : ILogger
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    )
    {
        if (!IsEnabled(logLevel))
            return;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("level", LogLevelNames.Name(logLevel));
            w.WriteString("time", provider.Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("message", formatter(state, exception));
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                foreach (var (key, value) in fields)
                {
                    if (key == "{OriginalFormat}")
                        continue;
                    w.WriteString(FieldName(key), Convert.ToString(value, CultureInfo.InvariantCulture));
                }
            }
            if (exception is not null)
                w.WriteString("error", exception.Message);
            w.WriteEndObject();
        }
        provider.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string FieldName(string key)
    {
        if (key == "ProxyName")
            return "name";
        var name = new StringBuilder(key.Length + 4);
        foreach (var c in key)
        {
            if (char.IsUpper(c) && name.Length > 0)
                name.Append('_');
            name.Append(char.ToLowerInvariant(c));
        }
        return name.ToString();
    }
}
