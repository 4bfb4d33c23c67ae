namespace Harness.Impairment.Bench;

/// <summary>Order statistics over samples (linear interpolation between closest ranks).</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values.Order().ToArray(), 0.5);

    /// <summary><paramref name="sorted"/> ascending; <paramref name="q"/> in [0, 1].</summary>
    public static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
            return double.NaN;
        var rank = q * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
