using Harness.Orchestration;
using Harness.Reports.Model;

namespace Harness.Reports.Suite;

/// <summary>
/// suite.json: the overview of a whole suite merged from its shards, the source of truth the merged folder's
/// index.html, junit.xml and summary.md are rendered from. A name of its own, like matrix.json, because results.json
/// always means one run (what <c>report</c>, <c>compare</c> and <c>history</c> read). Fields are only ever added.
/// </summary>
public sealed record SuiteResults(
    int SchemaVersion,
    string SuiteId,
    RunStatus Status,
    int ExitCode,
    int ShardCount,
    string Command,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<SuiteShard> Shards,
    IReadOnlyList<SuiteUnit> Units
)
{
    public const int CurrentSchemaVersion = 1;

    public const string FileName = "suite.json";

    public double DurationMs => (FinishedAt - StartedAt).TotalMilliseconds;

    /// <summary>The verdict of several exit codes: the worst one, as <c>run</c> combines its scenarios' codes.</summary>
    public static (RunStatus Status, int ExitCode) Verdict(IEnumerable<int> codes)
    {
        var code = ExitCodes.Combine(codes);
        var status = code switch
        {
            ExitCodes.Passed => RunStatus.Passed,
            ExitCodes.ThresholdsFailed => RunStatus.Failed,
            ExitCodes.Interrupted => RunStatus.Interrupted,
            ExitCodes.Inconclusive => RunStatus.Inconclusive,
            _ => RunStatus.Error,
        };
        return (status, code);
    }
}

/// <summary>A shard as merged: where it came from, its command, when it ran, its exit code and how many units it had.</summary>
public sealed record SuiteShard(
    int Index,
    string Folder,
    string Command,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int ExitCode,
    int Units
);

/// <summary>
/// One unit of the suite (a scenario file, or a matrix cell): the shard that ran it, its verdict, what failed, and its
/// report folder relative to the merged folder ('/'-separated; null when it never ran: its shard was interrupted).
/// </summary>
public sealed record SuiteUnit(
    string Id,
    string Scenario,
    string File,
    string? Cell,
    int Shard,
    RunStatus Status,
    int ExitCode,
    string? Directory,
    string? Report,
    IReadOnlyList<string> Failing
);
