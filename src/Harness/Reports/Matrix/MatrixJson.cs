using System.Text.Json;

namespace Harness.Reports.Matrix;

/// <summary>matrix.json: the same conventions as results.json (snake_case, enums as strings, nulls kept).</summary>
public static class MatrixJson
{
    public const string FileName = "matrix.json";

    private static JsonSerializerOptions StrictOptions { get; } =
        new(ResultsJson.Options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    public static string Serialize(MatrixResults matrix) => JsonSerializer.Serialize(matrix, ResultsJson.Options);

    /// <summary>True when <paramref name="path"/> is a matrix.json or a folder holding one (a matrix overview, not a run).</summary>
    public static bool IsMatrix(string path) =>
        Directory.Exists(path)
            ? File.Exists(Path.Combine(path, FileName))
            : Path.GetFileName(path).Equals(FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a matrix.json (or the folder holding it); every way it can be unusable is one clear message.</summary>
    /// <exception cref="ResultsUnreadableException">Missing, not JSON, not a matrix file, or from a newer schema.</exception>
    public static MatrixResults Load(string path)
    {
        if (Directory.Exists(path))
            path = Path.Combine(path, FileName);
        if (!File.Exists(path))
            throw new ResultsUnreadableException($"{path}: no such file");
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("schema_version", out var version)
                || version.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("matrix_id", out _)
            )
            {
                throw new ResultsUnreadableException($"{path}: not a harness matrix file (no schema_version and matrix_id)");
            }
            if (version.GetInt32() > MatrixResults.CurrentSchemaVersion)
            {
                throw new ResultsUnreadableException(
                    $"{path}: schema_version {version.GetInt32()} is newer than this harness understands ({MatrixResults.CurrentSchemaVersion}); update harness"
                );
            }
            var matrix = root.Deserialize<MatrixResults>(StrictOptions) ?? throw new ResultsUnreadableException($"{path}: empty matrix");
            if (matrix.Cells.FirstOrDefault(c => !IsInside(c.Directory) || (c.Results is { } r && !IsInside(r))) is { } outside)
            {
                throw new ResultsUnreadableException(
                    $"{path}: cell '{outside.Name}' points outside the matrix folder ({outside.Results ?? outside.Directory})"
                );
            }
            return matrix;
        }
        catch (JsonException e)
        {
            throw new ResultsUnreadableException($"{path}: not valid matrix JSON ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsUnreadableException($"{path}: cannot be read ({e.Message})");
        }
    }

    /// <summary>A relative path that stays inside the matrix folder: no scheme, no root, no '..' step.</summary>
    public static bool IsInside(string relative) =>
        relative.Length > 0
        && !relative.Contains(':', StringComparison.Ordinal)
        && !relative.StartsWith('/')
        && !relative.StartsWith('\\')
        && !relative.Split('/', '\\').Contains("..", StringComparer.Ordinal);
}
