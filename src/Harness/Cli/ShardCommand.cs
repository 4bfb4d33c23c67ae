using Harness.Sharding;

namespace Harness.Cli;

/// <summary>The <c>--shard i/N</c> side of <c>harness run</c>: parsing and the shard.json written when the run ends.</summary>
internal static class ShardCommand
{
    public static System.CommandLine.Option<string?> Option() =>
        new("--shard")
        {
            Description =
                "Run only shard i of N (i from 0, like JOB_COMPLETION_INDEX): files and matrix cells are split deterministically; "
                + "writes shard.json for 'harness merge'",
        };

    /// <returns>The shard, or null with <paramref name="error"/> set; null and no error when <paramref name="raw"/> is null.</returns>
    public static ShardSpec? Parse(string? raw, bool alternating, List<string> errors)
    {
        if (raw is null)
            return null;
        if (!ShardSpec.TryParse(raw, out var spec, out var error))
        {
            errors.Add(error!);
            return null;
        }
        if (alternating)
        {
            errors.Add("--shard cannot be combined with --baseline/--candidate (an A/B run compares all its rounds on one machine)");
        }
        return spec;
    }

    /// <summary>The command a report repeats: without <c>--shard</c>, which would pick a different part of a narrower suite.</summary>
    public static string WithoutShard(string command) => ShardCommandLine.WithoutShard(command);

    public static async Task FinishAsync(ShardRun sharded, int code, string reportRoot, ConsoleOutput output)
    {
        await sharded.FinishAsync(code, TimeProvider.System.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        output.Line($"  shard manifest: {Path.Combine(reportRoot, ShardManifest.FileName)} (merge the shards with 'harness merge')");
    }
}
