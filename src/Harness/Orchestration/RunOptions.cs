namespace Harness.Orchestration;

/// <summary>How to run: where reports go, overrides from the command line, and the command to print for reproduction.</summary>
public sealed record RunOptions(string ReportRoot, int? Seed, Uri? Toxiproxy, string Command);
