using System.Diagnostics;

namespace Harness.Impairment.Bench;

/// <summary>Starts this program again with a subcommand, talking to it over standard input and output.</summary>
internal static class ChildProcess
{
    public static Process Start(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    /// <summary>The next line, which must start with <paramref name="prefix"/>; returns the rest.</summary>
    public static async Task<string> ExpectAsync(Process process, string prefix, TimeSpan timeout)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(timeout).ConfigureAwait(false);
        if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"child said: {line}");
        return line[prefix.Length..].Trim();
    }
}
