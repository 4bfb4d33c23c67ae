using System.IO.Compression;
using System.Text;
using Harness.Scenarios.Loading;

namespace Harness.Secrets;

/// <summary>
/// Searches a run's artifacts for secrets once the run has stopped writing them: every text file (service logs, the
/// impairment decisions, harness-error.txt) and every text entry of a zip (Playwright traces: their JSON-lines action
/// and network logs, HTML snapshots, response bodies) is masked in place. Binary files and binary zip entries
/// (screenshots, videos, a trace's screencast frames) cannot be searched: they are named, so the run can say so.
/// </summary>
public static class ArtifactRedaction
{
    public const string Folder = "artifacts";

    private static readonly string[] BinaryExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".webm", ".mp4"];

    /// <returns>The artifacts that may still hold secrets, relative to <paramref name="reportDirectory"/> with '/', sorted.</returns>
    public static IReadOnlyList<string> Apply(string reportDirectory, Redactor redactor)
    {
        var artifacts = Path.Combine(reportDirectory, Folder);
        if (redactor.IsEmpty || !Directory.Exists(artifacts))
            return [];
        var unsearched = new List<string>();
        foreach (var file in Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories))
        {
            bool searched;
            try
            {
                searched = Path.GetExtension(file).Equals(".zip", StringComparison.OrdinalIgnoreCase)
                    ? RedactZip(file, redactor)
                    : RedactFile(file, redactor);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                searched = false; // unreadable or not rewritable (a full disk): named like a binary file
            }
            if (!searched)
                unsearched.Add(Path.GetRelativePath(reportDirectory, file).Replace(Path.DirectorySeparatorChar, '/'));
        }
        return [.. unsearched.Order(StringComparer.Ordinal)];
    }

    /// <returns>False when the file is binary and could not be searched.</returns>
    private static bool RedactFile(string path, Redactor redactor)
    {
        // Images and videos are never text: not read at all (a video may be large).
        if (BinaryExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            return false;
        if (!TextContent.TryDecode(File.ReadAllBytes(path), out var text))
            return false;
        var masked = TextContent.Redact(Path.GetFileName(path), text, redactor);
        if (!ReferenceEquals(masked, text) && masked != text)
            ReplaceWith(path, temporary => File.WriteAllText(temporary, masked, TextContent.Utf8));
        return true;
    }

    /// <returns>False when some entry is binary (kept as it was) and could not be searched.</returns>
    private static bool RedactZip(string path, Redactor redactor)
    {
        var searchedAll = true;
        try
        {
            ReplaceWith(path, temporary =>
            {
                using var source = ZipFile.OpenRead(path);
                using var target = ZipFile.Open(temporary, ZipArchiveMode.Create);
                foreach (var entry in source.Entries)
                {
                    var bytes = Read(entry);
                    if (TextContent.TryDecode(bytes, out var text))
                        bytes = TextContent.Utf8.GetBytes(TextContent.Redact(entry.Name, text, redactor));
                    else if (bytes.Length > 0)
                        searchedAll = false;
                    var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                    copy.LastWriteTime = entry.LastWriteTime;
                    using var stream = copy.Open();
                    stream.Write(bytes);
                }
            });
        }
        catch (InvalidDataException)
        {
            return false; // not a zip after all: left as it is, and named
        }
        return searchedAll;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the new content beside and renames it over the original, so a failure never leaves half a file.</summary>
    private static void ReplaceWith(string path, Action<string> write)
    {
        var temporary = path + ".redacting";
        File.Delete(temporary);
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
