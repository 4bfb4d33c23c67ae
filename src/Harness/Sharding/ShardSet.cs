namespace Harness.Sharding;

/// <summary>The shard manifests a merge was given, each with the folder it came from.</summary>
public sealed record LoadedShard(string Folder, ShardManifest Manifest);

/// <summary>Checks that shard manifests make up one whole suite: same suite and count, every shard once, every unit once.</summary>
public static class ShardSet
{
    /// <returns>Every problem, one clear sentence each; empty when the shards fit together.</returns>
    public static IReadOnlyList<string> Check(IReadOnlyList<LoadedShard> shards)
    {
        if (shards.Count == 0)
            return ["no shard folders given"];
        static string Given(LoadedShard s) => $"{s.Manifest.Shard} from {s.Folder}";
        var problems = new List<string>();
        if (shards.Select(s => s.Manifest.SuiteId).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            problems.Add(
                "these folders are not shards of the same suite (run every shard with the same paths and options): "
                    + string.Join(", ", shards.Select(s => $"{s.Folder} (suite {s.Manifest.SuiteId})"))
            );
        }
        if (shards.Select(s => s.Manifest.ShardCount).Distinct().Count() > 1)
        {
            problems.Add($"different shard counts: {string.Join(", ", shards.Select(Given))}");
            return problems;
        }
        var count = shards[0].Manifest.ShardCount;
        foreach (var twice in shards.GroupBy(s => s.Manifest.ShardIndex).Where(g => g.Count() > 1))
        {
            problems.Add($"shard {twice.First().Manifest.Shard} is given twice: {string.Join(" and ", twice.Select(s => s.Folder))}");
        }
        var given = string.Join(", ", shards.OrderBy(s => s.Manifest.ShardIndex).Select(Given));
        foreach (var missing in Enumerable.Range(0, count).Where(i => shards.All(s => s.Manifest.ShardIndex != i)))
        {
            problems.Add($"shard {new ShardSpec(missing, count)} is missing (given: {given})");
        }
        if (problems.Count > 0)
            return problems;
        var ranIn = shards
            .SelectMany(s => s.Manifest.Units.Select(u => (u.Id, s.Manifest.Shard)))
            .ToLookup(x => x.Id, x => x.Shard, StringComparer.Ordinal);
        foreach (var unit in ranIn.Where(g => g.Count() > 1))
        {
            problems.Add($"{unit.Key} ran in more than one shard: {string.Join(", ", unit)}");
        }
        var suite = shards[0].Manifest.SuiteUnits;
        foreach (var unit in suite.Where(u => !ranIn.Contains(u)))
            problems.Add($"{unit} of the suite ran in no shard");
        foreach (var unit in ranIn.Where(g => !suite.Contains(g.Key, StringComparer.Ordinal)))
        {
            problems.Add($"{unit.Key} ran but is not part of the suite");
        }
        return problems;
    }
}
