namespace Harness.Sharding;

/// <summary>
/// shard.json, written at the top of a sharded run's report folder: which shard of which suite this was, every unit of
/// the suite (so a merge can tell a missing unit from a missing shard) and the units this shard ran, each with its
/// report folder. Versioned by <see cref="SchemaVersion"/>; fields are only ever added.
/// </summary>
public sealed record ShardManifest(
    int SchemaVersion,
    string SuiteId,
    string Shard,
    int ShardIndex,
    int ShardCount,
    string Command,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int ExitCode,
    IReadOnlyList<string> SuiteUnits,
    IReadOnlyList<ShardUnit> Units
)
{
    public const int CurrentSchemaVersion = 1;

    public const string FileName = "shard.json";
}

/// <summary>
/// One unit a shard ran: a scenario file, or one matrix cell of it. <see cref="Directory"/> is its report folder
/// relative to the shard's report folder ('/'-separated; null when the run was interrupted before it started);
/// for a cell, <see cref="Matrix"/> is the matrix folder holding it and <see cref="CellIndex"/> its place in the matrix.
/// </summary>
public sealed record ShardUnit(string Id, string File, string? Cell, int? CellIndex, string? Directory, string? Matrix, int? ExitCode);
