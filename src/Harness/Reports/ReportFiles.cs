using Harness.Orchestration;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>How report files reach the disk: through a temporary name, all or none, and honestly when they do not.</summary>
internal static class ReportFiles
{
    public static string TemporaryFor(string path) => path + ".tmp";

    /// <summary>
    /// Writes every file to its temporary name, then renames them all; at the first file that cannot be written every
    /// temporary file is removed and nothing is renamed.
    /// </summary>
    /// <returns>Null when all were written, else the file that failed and why.</returns>
    public static async Task<(string File, string Reason)?> WriteAllOrNoneAsync(
        IReadOnlyList<(string Name, string Content)> files,
        string directory,
        CancellationToken cancellationToken
    )
    {
        var written = new List<string>();
        foreach (var (name, content) in files)
        {
            var temporary = TemporaryFor(Path.Combine(directory, name));
            try
            {
                await File.WriteAllTextAsync(temporary, content, cancellationToken).ConfigureAwait(false);
                written.Add(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Delete(temporary);
                foreach (var done in written)
                    Delete(TemporaryFor(Path.Combine(directory, done)));
                return (name, e.Message);
            }
        }
        foreach (var name in written)
        {
            var path = Path.Combine(directory, name);
            File.Move(TemporaryFor(path), path, overwrite: true);
        }
        return null;
    }

    /// <summary>Writes one file atomically; a failure is logged, never thrown.</summary>
    public static async Task<bool> TryWriteAsync(
        string directory,
        (string Name, string Content) file,
        Action<string> log,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await ReportWriter.WriteAtomicAsync(Path.Combine(directory, file.Name), file.Content, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log($"report {file.Name} could not be written in {directory}: {e.Message}");
            return false;
        }
    }

    /// <summary>The run as an error (exit 3) whose reports could not all be written; an interruption stays an interruption.</summary>
    public static RunResults WithFailure(RunResults results, string file, string reason) =>
        results with
        {
            Status = results.Status == RunStatus.Interrupted ? RunStatus.Interrupted : RunStatus.Error,
            ExitCode = results.Status == RunStatus.Interrupted ? ExitCodes.Interrupted : ExitCodes.InfrastructureUnusable,
            Errors = [.. results.Errors, $"report {file} could not be written: {reason}"],
        };

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the caller reports the write that failed.
        }
    }
}
