using System.Security.Cryptography;
using System.Text;

namespace Harness.Sharding;

/// <summary>
/// Which units of work (a scenario file, or one cell of a matrix file) a shard runs. The units are sorted by their
/// identity (the file's path relative to the working directory, plus <c>[cell]</c>) and dealt round-robin: the unit at
/// sorted position k goes to shard k mod N. So the split depends only on the set of identities, never on the order
/// files were found or on the machine; every unit lands in exactly one shard; and shard sizes differ by at most one.
/// (A hash of the identity would keep a unit in its shard when others are added, but leaves small suites unbalanced.)
/// </summary>
public static class ShardAssignment
{
    /// <summary>The units of <paramref name="shard"/>, in the order they were given.</summary>
    /// <exception cref="ArgumentException">Two units have the same identity.</exception>
    public static IReadOnlyList<T> Select<T>(IEnumerable<T> units, ShardSpec shard, Func<T, string> identity)
    {
        var list = units.ToList();
        var sorted = list.Select(identity).Order(StringComparer.Ordinal).ToList();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < sorted.Count; k++)
        {
            if (!position.TryAdd(sorted[k], k))
            {
                throw new ArgumentException($"two units have the same identity '{sorted[k]}'", nameof(units));
            }
        }
        return list.Where(u => position[identity(u)] % shard.Count == shard.Index).ToList();
    }

    /// <summary>The suite's identity: a digest of its sorted unit identities, equal on every machine given the same work.</summary>
    public static string SuiteId(IEnumerable<string> units)
    {
        var text = string.Join('\n', units.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>
    /// A unit's identity: <paramref name="file"/> relative to <paramref name="root"/>, '/'-separated, then <c>[cell]</c> for a matrix cell.
    /// </summary>
    public static string UnitId(string file, string? cell, string root)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(file)).Replace(Path.DirectorySeparatorChar, '/');
        return cell is null ? relative : $"{relative}[{cell}]";
    }
}
