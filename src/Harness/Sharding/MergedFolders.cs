using Harness.Reports;
using Harness.Reports.Matrix;
using Harness.Reports.Model;
using Harness.Scenarios.Matrix;

namespace Harness.Sharding;

/// <summary>The report folders of a merged suite: copies of the shards' run folders, and one matrix folder per matrix file.</summary>
internal static class MergedFolders
{
    /// <summary>Copies a scenario file's run folder; returns its name in <paramref name="output"/> (null when it never ran).</summary>
    public static string? CopyRun(
        LoadedShard shard,
        ShardUnit unit,
        string output,
        List<(ShardUnit Unit, int Shard, string? Directory)> placed
    )
    {
        if (unit.Directory is null)
        {
            placed.Add((unit, shard.Manifest.ShardIndex, null));
            return null;
        }
        var name = FreeName(output, Path.GetFileName(unit.Directory));
        Copy(Path.Combine(shard.Folder, unit.Directory), Path.Combine(output, name));
        placed.Add((unit, shard.Manifest.ShardIndex, name));
        return name;
    }

    /// <summary>
    /// Gathers a matrix file's cells from every shard into one matrix folder (named after the first shard's), in the
    /// matrix's own cell order, and renders its overview with the matrix writers; returns the folder's name.
    /// </summary>
    public static async Task<string> MatrixAsync(
        IReadOnlyList<(ShardUnit Unit, LoadedShard Shard)> cells,
        IReadOnlyDictionary<string, RunResults> results,
        string output,
        List<(ShardUnit Unit, int Shard, string? Directory)> placed,
        CancellationToken cancellationToken
    )
    {
        var ran = cells.Where(c => c.Unit.Matrix is not null).ToList();
        var overviews = ran.Select(c => Path.Combine(c.Shard.Folder, c.Unit.Matrix!))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(p => p, MatrixJson.Load);
        var first = ran.Count > 0 ? overviews[Path.Combine(ran[0].Shard.Folder, ran[0].Unit.Matrix!)] : null;
        var name = FreeName(output, first?.MatrixId ?? Path.GetFileNameWithoutExtension(cells[0].Unit.File));
        var directory = Path.Combine(output, name);
        var plans = MatrixCellPlan.For(
            cells.Select(c =>
            {
                var values = ValuesOf(c, overviews);
                return (c.Unit.Cell!, (IReadOnlyList<KeyValuePair<string, string>>)values, new MatrixCell(values).Slug);
            })
        );
        var byName = new Dictionary<string, RunResults>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            var (unit, shard) = cells[i];
            var placedAt = unit.Directory is null ? null : $"{name}/{plans[i].Directory}";
            if (unit.Directory is not null)
            {
                Copy(Path.Combine(shard.Folder, unit.Directory), Path.Combine(directory, plans[i].Directory));
                byName[plans[i].Name] = results[unit.Id];
            }
            placed.Add((unit, shard.Manifest.ShardIndex, placedAt));
        }
        if (first is null)
            return name;
        var run = new MatrixRun(
            name,
            first.Scenario,
            first.Description,
            first.Source,
            first.Command,
            first.Filter,
            overviews.Values.Min(o => o.StartedAt)
        );
        var matrix = MatrixBuilder.Build(run, plans, byName, overviews.Values.Max(o => o.FinishedAt));
        await MatrixReportWriter.WriteAllAsync(matrix, byName, directory, static s => s, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>A cell's axis values as its shard's matrix.json lists them (none when its shard never reached it).</summary>
    private static List<KeyValuePair<string, string>> ValuesOf(
        (ShardUnit Unit, LoadedShard Shard) cell,
        IReadOnlyDictionary<string, MatrixResults> overviews
    )
    {
        if (cell.Unit.Matrix is null)
            return [];
        var overview = overviews[Path.Combine(cell.Shard.Folder, cell.Unit.Matrix)];
        return overview.Cells.FirstOrDefault(c => c.Name == cell.Unit.Cell)?.Values.ToList() ?? [];
    }

    private static string FreeName(string output, string wanted)
    {
        var name = wanted;
        for (var i = 2; Path.Exists(Path.Combine(output, name)); i++)
        {
            name = $"{wanted}-{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }
        return name;
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: false);
        }
    }
}
