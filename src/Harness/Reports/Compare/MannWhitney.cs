namespace Harness.Reports.Compare;

/// <summary>The outcome of a two-sided Mann-Whitney U test: the p-value and which sample tends to be larger.</summary>
internal readonly record struct UTestResult(double U, double Z, double PValue, int Direction);

/// <summary>
/// Two-sided Mann-Whitney U test with the normal approximation, tie correction and continuity correction. Makes no
/// assumption about the distribution (per-second latencies are skewed and often bimodal across a phase edge).
/// </summary>
internal static class MannWhitney
{
    public static UTestResult Test(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        int n1 = baseline.Count,
            n2 = candidate.Count;
        if (n1 == 0 || n2 == 0)
            return new UTestResult(0, 0, 1, 0);
        var all = baseline
            .Select(v => (Value: v, Group: 0))
            .Concat(candidate.Select(v => (Value: v, Group: 1)))
            .OrderBy(x => x.Value)
            .ToList();
        var ranks = new double[all.Count];
        double tieTerm = 0;
        for (var i = 0; i < all.Count; )
        {
            var j = i;
            while (j + 1 < all.Count && all[j + 1].Value == all[i].Value)
                j++;
            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
                ranks[k] = rank;
            double ties = j - i + 1;
            tieTerm += ties * ties * ties - ties;
            i = j + 1;
        }
        var rankSumCandidate = all.Select((x, i) => x.Group == 1 ? ranks[i] : 0).Sum();
        var u2 = rankSumCandidate - n2 * (n2 + 1) / 2.0;
        var mean = n1 * (double)n2 / 2;
        double n = n1 + n2;
        var variance = n1 * (double)n2 / 12 * (n + 1 - tieTerm / (n * (n - 1)));
        if (variance <= 0)
            return new UTestResult(u2, 0, 1, 0);
        var difference = u2 - mean;
        var z = (Math.Abs(difference) - 0.5) / Math.Sqrt(variance);
        if (z < 0)
            z = 0;
        var p = Math.Min(1, 2 * UpperTail(z));
        return new UTestResult(u2, difference < 0 ? -z : z, p, Math.Sign(difference));
    }

    /// <summary>P(Z &gt; z) for a standard normal Z, via erfc (Numerical Recipes' Chebyshev fit, relative error &lt; 1.2e-7).</summary>
    public static double UpperTail(double z) => Erfc(z / Math.Sqrt(2)) / 2;

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r =
            t
            * Math.Exp(
                -z * z
                    - 1.26551223
                    + t
                        * (
                            1.00002368
                            + t
                                * (
                                    0.37409196
                                    + t
                                        * (
                                            0.09678418
                                            + t
                                                * (
                                                    -0.18628806
                                                    + t
                                                        * (
                                                            0.27886807
                                                            + t * (-1.13520398 + t * (1.48851638 + t * (-0.82215223 + t * 0.17087277)))
                                                        )
                                                )
                                        )
                                )
                        )
            );
        return x >= 0 ? r : 2 - r;
    }
}
