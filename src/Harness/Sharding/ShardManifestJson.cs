using System.Text.Json;
using Harness.Reports;

namespace Harness.Sharding;

/// <summary>Reads and writes shard.json with the same conventions as results.json (snake_case, enums as strings).</summary>
public static class ShardManifestJson
{
    private static JsonSerializerOptions StrictOptions { get; } =
        new(ResultsJson.Options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    public static Task WriteAsync(ShardManifest manifest, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var json = JsonSerializer.Serialize(manifest, ResultsJson.Options);
        return ReportWriter.WriteAtomicAsync(Path.Combine(folder, ShardManifest.FileName), json, cancellationToken);
    }

    public static bool IsShardFolder(string folder) => File.Exists(Path.Combine(folder, ShardManifest.FileName));

    /// <summary>Reads a shard folder's shard.json; every way it can be unusable is one clear message.</summary>
    /// <exception cref="ResultsUnreadableException">Missing, not JSON, not a shard manifest, or from a newer schema.</exception>
    public static ShardManifest Load(string folder)
    {
        var path = Path.Combine(folder, ShardManifest.FileName);
        if (!File.Exists(path))
        {
            throw new ResultsUnreadableException($"{folder}: no {ShardManifest.FileName} (not a folder written by 'harness run --shard')");
        }
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("schema_version", out var version)
                || version.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("suite_id", out _)
            )
            {
                throw new ResultsUnreadableException($"{path}: not a harness shard manifest (no schema_version and suite_id)");
            }
            if (version.GetInt32() > ShardManifest.CurrentSchemaVersion)
            {
                throw new ResultsUnreadableException(
                    $"{path}: schema_version {version.GetInt32()} is newer than this harness understands "
                        + $"({ShardManifest.CurrentSchemaVersion}); update harness"
                );
            }
            var manifest = root.Deserialize<ShardManifest>(StrictOptions)
                ?? throw new ResultsUnreadableException($"{path}: empty manifest");
            var outside = manifest.Units.FirstOrDefault(u =>
                (u.Directory is { } d && !Reports.Matrix.MatrixJson.IsInside(d))
                || (u.Matrix is { } m && !Reports.Matrix.MatrixJson.IsInside(m))
            );
            if (outside is not null)
                throw new ResultsUnreadableException($"{path}: unit '{outside.Id}' points outside the shard folder");
            return manifest;
        }
        catch (JsonException e)
        {
            throw new ResultsUnreadableException($"{path}: not valid shard JSON ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsUnreadableException($"{path}: cannot be read ({e.Message})");
        }
    }
}
