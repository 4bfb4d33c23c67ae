namespace Harness.Impairment.Toxics;

/// <summary>Draws one jitter offset from the toxic's seeded random source.</summary>
internal static class JitterSampler
{
    // iproute2's paretonormal table caps its values at 32767 / 8192 standard units.
    private const double ParetoCap = 32767.0 / 8192.0;

    public static TimeSpan Draw(JitterDistribution distribution, TimeSpan jitter, Random random)
    {
        var sigma = (long)jitter.TotalMilliseconds;
        if (sigma <= 0)
            return TimeSpan.Zero;
        return distribution switch
        {
            JitterDistribution.Normal => TimeSpan.FromMilliseconds(sigma * StandardNormal(random)),
            JitterDistribution.ParetoNormal => TimeSpan.FromMilliseconds(sigma * ParetoNormal(random)),
            _ => TimeSpan.FromMilliseconds(random.NextInt64(-sigma, sigma)),
        };
    }

    /// <summary>Box-Muller; 1 - NextDouble() keeps the logarithm's argument in (0, 1].</summary>
    public static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// As iproute2's paretonormal.c builds its table: one value in four is (U^(-1/3) - 1.5) × 4/3, a Pareto of
    /// shape 3 moved to mean 0, the other three are standard normal.
    /// </summary>
    public static double ParetoNormal(Random random)
    {
        if (random.Next(4) != 0)
            return StandardNormal(random);
        var u = 1.0 - random.NextDouble();
        return Math.Min((Math.Pow(u, -1.0 / 3.0) - 1.5) * 4.0 / 3.0, ParetoCap);
    }
}
