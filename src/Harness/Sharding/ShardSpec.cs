using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness.Sharding;

/// <summary>
/// <c>--shard i/N</c>: this machine runs shard <see cref="Index"/> of <see cref="Count"/>. The index starts at 0, like
/// Kubernetes' JOB_COMPLETION_INDEX, so an Indexed Job passes its index as it is.
/// </summary>
public sealed partial record ShardSpec(int Index, int Count)
{
    /// <summary>Parses <c>i/N</c> (digits only, 0 ≤ i &lt; N); on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string text, out ShardSpec? spec, out string? error)
    {
        spec = null;
        error = null;
        var match = Form().Match(text);
        if (
            !match.Success
            || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
        )
        {
            error = $"--shard '{text}' is not of the form i/N (e.g. 0/4: the first of 4 shards; i counts from 0)";
            return false;
        }
        if (count < 1)
        {
            error = $"--shard '{text}': the shard count must be at least 1";
            return false;
        }
        if (index >= count)
        {
            error =
                $"--shard '{text}': index {index.ToString(CultureInfo.InvariantCulture)} is not below the shard count "
                + $"{count.ToString(CultureInfo.InvariantCulture)} (indexes run from 0 to "
                + $"{(count - 1).ToString(CultureInfo.InvariantCulture)})";
            return false;
        }
        spec = new ShardSpec(index, count);
        return true;
    }

    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^([0-9]{1,9})/([0-9]{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Form();
}
