namespace Harness.Impairment.Server.Cli;

/// <summary>How parsing ended: flags to run with, a request for help (exit 0), or an error (usage, exit 2).</summary>
internal sealed record FlagParseResult(ServerFlags? Flags, bool HelpRequested, string? Error)
{
    public static FlagParseResult Ok(ServerFlags flags) => new(flags, false, null);

    public static FlagParseResult Help() => new(null, true, null);

    public static FlagParseResult Fail(string error) => new(null, false, error);
}
