namespace Harness.Probes.Internal;

/// <summary>
/// Derives independent, reproducible seeds from one run seed (SplitMix64 finaliser), so each client or VU gets its
/// own <see cref="Random"/> and the draws do not depend on which thread ran first. HashCode.Combine is not an option:
/// it is randomised per process.
/// </summary>
internal static class Seeds
{
    public static int Derive(int seed, int stream, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + (ulong)stream * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    public static Random Random(int seed, int stream, int index) => new(Derive(seed, stream, index));

    /// <summary>Stream ids, so that two uses of the same index never share draws.</summary>
    public const int Reconnect = 1;
    public const int StartOffset = 2;
    public const int LoadVu = 3;
}
