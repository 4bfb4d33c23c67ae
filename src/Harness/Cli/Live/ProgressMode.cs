namespace Harness.Cli.Live;

/// <summary>How a run shows its progress on stderr.</summary>
internal enum ProgressMode
{
    /// <summary>A live view redrawn in place (stderr is a terminal that takes escape codes).</summary>
    Live,

    /// <summary>One line per event, plus a periodic status line: for CI logs, pipes and dumb terminals.</summary>
    Plain,

    /// <summary>Nothing but the result lines (stdout) and errors.</summary>
    Quiet,
}

/// <summary>Chooses the progress mode from the flags and what the CLI learnt about the terminal and environment.</summary>
internal static class ProgressModes
{
    public static ProgressMode Choose(bool quiet, bool noColor, bool stderrIsTerminal, IReadOnlyDictionary<string, string> environment)
    {
        if (quiet)
            return ProgressMode.Quiet;
        // no-color.org: NO_COLOR set to anything but the empty string; TERM=dumb cannot move the cursor.
        var plain =
            noColor
            || !stderrIsTerminal
            || !string.IsNullOrEmpty(environment.GetValueOrDefault("NO_COLOR"))
            || string.Equals(environment.GetValueOrDefault("TERM"), "dumb", StringComparison.Ordinal);
        return plain ? ProgressMode.Plain : ProgressMode.Live;
    }
}
