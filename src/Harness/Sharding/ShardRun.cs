using System.Globalization;
using Harness.Scenarios.Model;

namespace Harness.Sharding;

/// <summary>
/// One sharded <c>harness run</c>: picks this shard's units out of the invocation's files and matrix cells, records
/// where each one's report went, and writes shard.json at the top of the report folder when the run ends.
/// </summary>
public sealed class ShardRun
{
    private readonly Dictionary<Scenario, ShardUnit> _units = new(ReferenceEqualityComparer.Instance);
    private readonly List<Scenario> _order = [];
    private readonly ShardSpec _shard;
    private readonly string _reportRoot;
    private readonly string _command;
    private readonly DateTimeOffset _startedAt;
    private readonly IReadOnlyList<string> _suite;

    private ShardRun(ShardSpec shard, string reportRoot, string command, DateTimeOffset startedAt, IReadOnlyList<string> suite)
    {
        (_shard, _reportRoot, _command, _startedAt, _suite) = (shard, reportRoot, command, startedAt, suite);
    }

    /// <summary>This shard's part of the work: per file, the cells it runs (files left with none are dropped).</summary>
    public IReadOnlyList<IReadOnlyList<Scenario>> Files { get; private set; } = [];

    public string SuiteId => ShardAssignment.SuiteId(_suite);

    public int SuiteSize => _suite.Count;

    public int Count => _order.Count;

    /// <param name="files">Every file of the invocation with its cells (after --tag and --filter), in run order.</param>
    /// <param name="root">What unit identities are relative to: the working directory.</param>
    public static ShardRun Start(
        ShardSpec shard,
        IReadOnlyList<IReadOnlyList<Scenario>> files,
        string root,
        string reportRoot,
        string command,
        DateTimeOffset now
    )
    {
        var all = files.SelectMany(cells => cells.Select((cell, index) => (cell, index))).ToList();
        string Id((Scenario Cell, int Index) u) => ShardAssignment.UnitId(u.Cell.SourcePath, u.Cell.Cell?.Name, root);
        var run = new ShardRun(shard, reportRoot, command, now, all.Select(Id).ToList());
        var mine = ShardAssignment.Select(all, shard, Id);
        foreach (var unit in mine)
        {
            var id = Id(unit);
            var file = unit.cell.Cell is null ? id : id[..id.IndexOf('[', StringComparison.Ordinal)];
            var cellIndex = unit.cell.Cell is null ? (int?)null : unit.index;
            run._units[unit.cell] = new ShardUnit(id, file, unit.cell.Cell?.Name, cellIndex, null, null, null);
            run._order.Add(unit.cell);
        }
        run.Files = files
            .Select(cells => (IReadOnlyList<Scenario>)cells.Where(run._units.ContainsKey).ToList())
            .Where(c => c.Count > 0)
            .ToList();
        return run;
    }

    /// <summary>A unit finished: its report folder (and, for a matrix cell, the matrix folder) and exit code.</summary>
    public void Ran(Scenario unit, string directory, int exitCode, string? matrixDirectory = null)
    {
        if (!_units.TryGetValue(unit, out var recorded))
            return;
        _units[unit] = recorded with
        {
            Directory = Relative(directory),
            Matrix = matrixDirectory is null ? null : Relative(matrixDirectory),
            ExitCode = exitCode,
        };
    }

    public string Describe() =>
        _order.Count == 0
            ? $"shard {_shard}: nothing to do (the suite has {Units(_suite.Count)}, all in other shards)"
            : $"shard {_shard}: {_order.Count.ToString(CultureInfo.InvariantCulture)} of {Units(_suite.Count)}";

    /// <summary>Writes shard.json into the report folder, recording which shard this was and what it ran.</summary>
    public Task<ShardManifest> FinishAsync(int exitCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(
            new ShardManifest(
                ShardManifest.CurrentSchemaVersion,
                SuiteId,
                _shard.ToString(),
                _shard.Index,
                _shard.Count,
                _command,
                _startedAt,
                now,
                exitCode,
                _suite.Order(StringComparer.Ordinal).ToList(),
                _order.Select(u => _units[u]).ToList()
            ),
            cancellationToken
        );

    private async Task<ShardManifest> WriteAsync(ShardManifest manifest, CancellationToken cancellationToken)
    {
        await ShardManifestJson.WriteAsync(manifest, _reportRoot, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    private string Relative(string path) => Path.GetRelativePath(_reportRoot, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string Units(int n) => n == 1 ? "1 unit" : $"{n.ToString(CultureInfo.InvariantCulture)} units";
}
