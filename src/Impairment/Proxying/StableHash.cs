namespace Harness.Impairment.Proxying;

/// <summary>
/// Deterministic mixing for seeds (string.GetHashCode is randomised per process): with the same server seed, the
/// same proxies, connections and toxics get the same random sources on every run.
/// </summary>
internal static class StableHash
{
    private const ulong Prime = 1099511628211;
    private const ulong Offset = 14695981039346656037;

    public static long Mix(long seed, long value) => (long)Finish(Step(Step(Offset, (ulong)seed), (ulong)value));

    public static long Mix(long seed, string value)
    {
        var hash = Step(Offset, (ulong)seed);
        foreach (var c in value)
            hash = Step(hash, c);
        return (long)Finish(hash);
    }

    private static ulong Step(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (value & 0xFF)) * Prime;
            value >>= 8;
        }
        return hash;
    }

    // splitmix64 finaliser: spreads FNV's weak low bits before the value is truncated to an int seed.
    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
