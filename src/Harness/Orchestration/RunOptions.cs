namespace Harness.Orchestration;

/// <summary>How to run: where reports go, overrides from the command line, and the command to print for reproduction.</summary>
public sealed record RunOptions(string ReportRoot, int? Seed, Uri? Toxiproxy, string Command)
{
    /// <summary>HARNESS_BROWSER as the CLI read it: a browser executable for browser probes.</summary>
    public string? BrowserFromEnvironment { get; init; }
}
