namespace Harness.Probes.Abstractions;

/// <summary>
/// An HdrHistogram-like log-linear histogram of non-negative values (milliseconds, sizes): each power-of-two
/// range [2^e, 2^(e+1)) is split into <see cref="SubBuckets"/> equal buckets, so a bucket's midpoint is within
/// 1/(2·64) = 0.78 % of any value in it, and every percentile is within 1 % of the exact one. Memory depends on
/// the range of values seen (one row of 64 counts per power of two, allocated on first use, at most
/// <see cref="Rows"/> rows), never on how many were recorded. Values at or below zero count in a zero bucket;
/// values outside [2^-30, 2^40) are clamped to the nearest row. Min, max, sum and count are exact.
/// Not thread-safe: one writer at a time, or lock around it.
/// </summary>
public sealed class LogLinearHistogram
{
    public const int SubBuckets = 64;
    private const int MinExponent = -30; // about 1e-9
    private const int MaxExponent = 39; // up to about 1.1e12
    public const int Rows = MaxExponent - MinExponent + 1;

    private readonly long[]?[] _rows = new long[Rows][];
    private long _zeros;

    public long Count { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public double Sum { get; private set; }

    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>Records one value; NaN and infinities are ignored.</summary>
    public void Record(double value, long count = 1)
    {
        if (!double.IsFinite(value) || count <= 0)
            return;
        Count += count;
        Sum += value * count;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        if (value <= 0)
        {
            _zeros += count;
            return;
        }
        var (row, sub) = Locate(value);
        (_rows[row] ??= new long[SubBuckets])[sub] += count;
    }

    /// <summary>Adds every value of <paramref name="other"/> to this histogram.</summary>
    public void Merge(LogLinearHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
            return;
        Count += other.Count;
        Sum += other.Sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        _zeros += other._zeros;
        for (var r = 0; r < Rows; r++)
        {
            if (other._rows[r] is not { } source)
                continue;
            var target = _rows[r] ??= new long[SubBuckets];
            for (var s = 0; s < SubBuckets; s++)
                target[s] += source[s];
        }
    }

    /// <summary>The value at percentile <paramref name="percentile"/> (0–100) by nearest rank; NaN when empty.</summary>
    public double Percentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (Count == 0)
            return double.NaN;
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * Count));
        foreach (var (value, count) in Buckets())
        {
            rank -= count;
            if (rank <= 0)
                return Math.Clamp(value, Min, Max);
        }
        return Max;
    }

    /// <summary>Non-empty buckets in ascending order, each as its representative value (midpoint) and count.</summary>
    public IEnumerable<(double Value, long Count)> Buckets()
    {
        if (_zeros > 0)
            yield return (Math.Min(0, Min), _zeros);
        for (var r = 0; r < Rows; r++)
        {
            if (_rows[r] is not { } row)
                continue;
            for (var s = 0; s < SubBuckets; s++)
            {
                if (row[s] > 0)
                    yield return (Math.ScaleB(1 + (s + 0.5) / SubBuckets, r + MinExponent), row[s]);
            }
        }
    }

    private static (int Row, int Sub) Locate(double value)
    {
        var exponent = Math.ILogB(value);
        if (exponent < MinExponent)
            return (0, 0);
        if (exponent > MaxExponent)
            return (Rows - 1, SubBuckets - 1);
        var mantissa = Math.ScaleB(value, -exponent); // in [1, 2)
        var sub = Math.Min(SubBuckets - 1, (int)((mantissa - 1) * SubBuckets));
        return (exponent - MinExponent, sub);
    }
}
