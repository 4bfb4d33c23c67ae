using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>results.json: snake_case, enums as strings, nulls kept so every field is always present.</summary>
public static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } =
        new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };

    public static async Task WriteAsync(RunResults results, string path, CancellationToken cancellationToken)
    {
        // Write beside and rename, so a reader never sees half a file and an earlier report is never clobbered by a crash mid-write.
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, results, Options, cancellationToken).ConfigureAwait(false);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>For reading files written by others: a missing required field is an error, not a silent null.</summary>
    private static JsonSerializerOptions StrictOptions { get; } =
        new(Options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    /// <summary>Reads a results.json for <c>report</c> and <c>compare</c>; every way it can be unusable is one clear message.</summary>
    /// <exception cref="ResultsUnreadableException">The file is missing, not JSON, not a results file, or from a newer schema.</exception>
    public static RunResults Load(string path)
    {
        if (Directory.Exists(path))
            path = Path.Combine(path, ReportWriter.ResultsFile);
        if (!File.Exists(path))
            throw new ResultsUnreadableException($"{path}: no such file");
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            if (
                document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("schema_version", out var version)
                || version.ValueKind != JsonValueKind.Number
            )
            {
                throw new ResultsUnreadableException($"{path}: not a harness results file (no schema_version)");
            }
            if (version.GetInt32() > RunResults.CurrentSchemaVersion)
            {
                throw new ResultsUnreadableException(
                    $"{path}: schema_version {version.GetInt32()} is newer than this harness understands ({RunResults.CurrentSchemaVersion}); update harness"
                );
            }
            return document.RootElement.Deserialize<RunResults>(StrictOptions)
                ?? throw new ResultsUnreadableException($"{path}: empty results");
        }
        catch (JsonException e)
        {
            throw new ResultsUnreadableException($"{path}: not valid results JSON ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsUnreadableException($"{path}: cannot be read ({e.Message})");
        }
    }

    public static RunResults? Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RunResults>(stream, Options);
    }
}

/// <summary>A results.json that cannot be used; the message names the file and the reason.</summary>
public sealed class ResultsUnreadableException(string message) : Exception(message);
