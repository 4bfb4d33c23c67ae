using Harness.Reports;
using Harness.Reports.Model;
using Harness.Reports.Suite;

namespace Harness.Sharding;

/// <summary>
/// <c>harness merge</c>: checks that the shard folders make up one whole suite, then builds one report folder from
/// them: each scenario file's run folder copied, each matrix's cells gathered from every shard into one matrix folder
/// (its overview re-rendered by the matrix writers), and the suite's overview (suite.json, junit.xml, summary.md,
/// index.html) on top. The inputs are only read.
/// </summary>
public static class ShardMerge
{
    /// <summary>Each input is a shard folder (it holds shard.json) or a folder whose direct subfolders are; sorted, once each.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> inputs, List<string> errors)
    {
        var folders = new List<string>();
        foreach (var input in inputs.Select(Path.GetFullPath))
        {
            if (!Directory.Exists(input))
            {
                errors.Add($"{input}: no such folder");
                continue;
            }
            if (ShardManifestJson.IsShardFolder(input))
            {
                folders.Add(input);
                continue;
            }
            var inside = Directory.GetDirectories(input).Where(ShardManifestJson.IsShardFolder).Order(StringComparer.Ordinal).ToList();
            if (inside.Count == 0)
            {
                errors.Add($"{input}: no {ShardManifest.FileName} in it or in its subfolders (not written by 'harness run --shard')");
            }
            folders.AddRange(inside);
        }
        return folders.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Loads and checks everything before anything is written; null with <paramref name="errors"/> filled when unusable.</summary>
    public static ShardInputs? Load(IReadOnlyList<string> folders, string output, List<string> errors)
    {
        var shards = new List<LoadedShard>();
        foreach (var folder in folders)
        {
            try
            {
                shards.Add(new LoadedShard(folder, ShardManifestJson.Load(folder)));
            }
            catch (ResultsUnreadableException e)
            {
                errors.Add(e.Message);
            }
        }
        if (errors.Count > 0)
            return null;
        errors.AddRange(ShardSet.Check(shards));
        CheckOutput(output, errors);
        if (errors.Count > 0)
            return null;
        var results = new Dictionary<string, RunResults>(StringComparer.Ordinal);
        foreach (var (shard, unit) in shards.SelectMany(s => s.Manifest.Units.Where(u => u.Directory is not null).Select(u => (s, u))))
        {
            try
            {
                results[unit.Id] = ResultsJson.Load(Path.Combine(shard.Folder, unit.Directory!, ReportWriter.ResultsFile));
            }
            catch (ResultsUnreadableException e)
            {
                errors.Add($"{unit.Id} (shard {shard.Manifest.Shard}): {e.Message}");
            }
        }
        return errors.Count > 0 ? null : new ShardInputs(shards.OrderBy(s => s.Manifest.ShardIndex).ToList(), results);
    }

    /// <summary>Writes the merged report into <paramref name="output"/> (checked by <see cref="Load"/> to be new or empty).</summary>
    public static async Task<SuiteResults> WriteAsync(ShardInputs inputs, string output, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(output);
        var placed = new List<(ShardUnit Unit, int Shard, string? Directory)>();
        var folders = new List<string>();
        var byFile = inputs
            .Shards.SelectMany(s => s.Manifest.Units.Select(u => (Unit: u, Shard: s)))
            .GroupBy(x => x.Unit.File, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var file in byFile)
        {
            var units = file.OrderBy(x => x.Unit.CellIndex ?? -1).ToList();
            var folder = units[0].Unit.Cell is null
                ? MergedFolders.CopyRun(units[0].Shard, units[0].Unit, output, placed)
                : await MergedFolders.MatrixAsync(units, inputs.Results, output, placed, cancellationToken).ConfigureAwait(false);
            if (folder is not null)
                folders.Add(folder);
        }
        var suite = Suite(inputs, placed);
        await SuiteReportWriter.WriteAllAsync(suite, folders, output, cancellationToken).ConfigureAwait(false);
        return suite;
    }

    private static SuiteResults Suite(ShardInputs inputs, List<(ShardUnit Unit, int Shard, string? Directory)> placed)
    {
        var units = placed.Select(p => Unit(p.Unit, p.Shard, p.Directory, inputs.Results.GetValueOrDefault(p.Unit.Id))).ToList();
        var (status, code) = SuiteResults.Verdict(units.Select(u => u.ExitCode));
        var first = inputs.Shards[0].Manifest;
        var shards = inputs
            .Shards.Select(s => new SuiteShard(
                s.Manifest.ShardIndex,
                s.Folder,
                s.Manifest.Command,
                s.Manifest.StartedAt,
                s.Manifest.FinishedAt,
                s.Manifest.ExitCode,
                s.Manifest.Units.Count
            ))
            .ToList();
        return new SuiteResults(
            SuiteResults.CurrentSchemaVersion,
            first.SuiteId,
            status,
            code,
            first.ShardCount,
            ShardCommandLine.WithoutShard(first.Command),
            shards.Min(s => s.StartedAt),
            shards.Max(s => s.FinishedAt),
            shards,
            units
        );
    }

    private static SuiteUnit Unit(ShardUnit unit, int shard, string? directory, RunResults? r)
    {
        if (r is null || directory is null)
        {
            return new SuiteUnit(
                unit.Id,
                unit.File,
                unit.File,
                unit.Cell,
                shard,
                RunStatus.Interrupted,
                Orchestration.ExitCodes.Interrupted,
                null,
                null,
                ["not run: its shard was interrupted before it started"]
            );
        }
        var failing = r
            .Thresholds.Where(t => !t.Passed)
            .Select(t => $"{t.Probe}: {t.Expression} ({ReportFormat.Outcome(t)})")
            .Concat(r.Errors.Select(e => $"error: {e}"))
            .ToList();
        return new SuiteUnit(
            unit.Id,
            r.Scenario.Name,
            unit.File,
            unit.Cell,
            shard,
            r.Status,
            r.ExitCode,
            directory,
            $"{directory}/{ReportWriter.HtmlFile}",
            failing
        );
    }

    private static void CheckOutput(string output, List<string> errors)
    {
        if (File.Exists(output))
            errors.Add($"--out {output}: is a file, not a folder");
        else if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            errors.Add($"--out {output}: the folder is not empty (merge never overwrites: give a new or empty folder)");
        }
    }
}

/// <summary>Everything a merge reads, checked: the shards in index order and each unit's results by unit id.</summary>
public sealed record ShardInputs(IReadOnlyList<LoadedShard> Shards, IReadOnlyDictionary<string, RunResults> Results);
