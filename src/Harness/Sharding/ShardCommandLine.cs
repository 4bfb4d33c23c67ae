using System.Text.RegularExpressions;

namespace Harness.Sharding;

/// <summary>A recorded command line without its <c>--shard i/N</c>: what repeats the whole suite (or, narrowed, one unit of it).</summary>
public static partial class ShardCommandLine
{
    public static string WithoutShard(string command) => ShardArgument().Replace(command, string.Empty);

    [GeneratedRegex(@" --shard(?:[=:]| +)\S+", RegexOptions.CultureInvariant)]
    private static partial Regex ShardArgument();
}
