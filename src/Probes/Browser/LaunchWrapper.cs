using System.Text;

namespace Harness.Probes.Browser;

/// <summary>
/// A throw-away shell script that starts the browser through a launch prefix (<c>exec PREFIX... BROWSER "$@"</c>). Playwright
/// launches it as the executable, so the browser inherits Playwright's stdio pipes through the prefix and is driven as usual.
/// The script is only read at start-up: disposing deletes it once the browser runs.
/// </summary>
internal sealed class LaunchWrapper : IDisposable
{
    private readonly DirectoryInfo _directory;

    private LaunchWrapper(DirectoryInfo directory, string path)
    {
        _directory = directory;
        Path = path;
    }

    public string Path { get; }

    public static LaunchWrapper Create(IReadOnlyList<string> prefix, string browser)
    {
        var directory = Directory.CreateTempSubdirectory("harness-browser-");
        var path = System.IO.Path.Combine(directory.FullName, "browser");
        File.WriteAllText(path, Script(prefix, browser));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new LaunchWrapper(directory, path);
    }

    /// <summary>The script's text: every word single-quoted, so no argument is split or expanded.</summary>
    public static string Script(IReadOnlyList<string> prefix, string browser)
    {
        var line = new StringBuilder("exec");
        foreach (var word in prefix.Append(browser))
            line.Append(' ').Append(Quote(word));
        return $"#!/bin/sh\n{line} \"$@\"\n";
    }

    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Already gone: nothing to remove.
        }
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
