namespace Harness.Reports.Compare;

/// <summary>
/// The Hodges-Lehmann estimate of a location shift: the median of every pairwise difference candidate − baseline. It
/// is the shift the Mann-Whitney U test tests for, robust to outliers and to a tail that moves on its own (a
/// percentile can move the other way while the bulk shifts). Above <see cref="MaxPairs"/> pairs (runs of more than
/// ~1,000 seconds per side) it falls back to the difference of the medians, which estimates the same shift.
/// </summary>
internal static class HodgesLehmann
{
    public const long MaxPairs = 1_000_000;

    public static double Shift(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        if (baseline.Count == 0 || candidate.Count == 0)
            return 0;
        if ((long)baseline.Count * candidate.Count > MaxPairs)
            return Median(candidate.ToArray()) - Median(baseline.ToArray());
        var differences = new double[baseline.Count * candidate.Count];
        var k = 0;
        foreach (var c in candidate)
        {
            foreach (var b in baseline)
                differences[k++] = c - b;
        }
        return Median(differences);
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
