using System.Globalization;
using System.Text;

namespace Harness.Orchestration;

/// <summary>Says how a launched service ended: its exit code or the signal that killed it, when, and its last log lines.</summary>
internal static class ServiceExit
{
    /// <summary>Lines of a service's output kept in memory for the message.</summary>
    public const int TailLines = 10;

    // A process killed by signal N reports exit code 128 + N (what .NET and shells report on Unix).
    private static readonly Dictionary<int, string> Signals = new()
    {
        [1] = "SIGHUP",
        [2] = "SIGINT",
        [3] = "SIGQUIT",
        [4] = "SIGILL",
        [6] = "SIGABRT",
        [7] = "SIGBUS",
        [8] = "SIGFPE",
        [9] = "SIGKILL",
        [11] = "SIGSEGV",
        [13] = "SIGPIPE",
        [14] = "SIGALRM",
        [15] = "SIGTERM",
    };

    /// <summary>"killed by SIGKILL (exit code 137)", "exited with code 1", "exited with code 0".</summary>
    public static string How(int? exitCode) =>
        exitCode switch
        {
            null => "exited (exit code unknown)",
            > 128 and < 160 when Signals.TryGetValue(exitCode.Value - 128, out var name) => string.Create(
                CultureInfo.InvariantCulture,
                $"was killed by {name} (exit code {exitCode})"
            ),
            > 128 and < 160 => string.Create(CultureInfo.InvariantCulture, $"was killed by signal {exitCode - 128} (exit code {exitCode})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"exited with code {exitCode}"),
        };

    public static string Describe(string service, int? exitCode, string where, string logPath, IReadOnlyList<string> tail)
    {
        var text = new StringBuilder($"service '{service}' {How(exitCode)} {where}");
        if (tail.Count == 0)
            return text.Append($"; its log ({logPath}) is empty").ToString();
        text.Append(CultureInfo.InvariantCulture, $"; last lines of its log ({logPath}):");
        foreach (var line in tail)
            text.Append("\n    ").Append(line);
        return text.ToString();
    }
}
