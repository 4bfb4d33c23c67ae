namespace Harness.Probes.Load;

/// <summary>
/// When each iteration of an open-model executor is due, as an offset from the executor's start. The rate is
/// piecewise linear (one piece for constant-arrival-rate, one per stage for ramping-arrival-rate); iteration k
/// is due at the moment the integral of the rate reaches k. Offsets come from the start time, never from "now
/// plus an interval", so a late wake-up does not push later iterations back (no drift).
/// </summary>
internal sealed class ArrivalSchedule(double startRatePerSecond, IReadOnlyList<(TimeSpan Duration, double TargetPerSecond)> pieces)
{
    public static ArrivalSchedule For(ConstantArrivalRate c) =>
        new(PerSecond(c.Rate, c.TimeUnit), [(c.Duration, PerSecond(c.Rate, c.TimeUnit))]);

    public static ArrivalSchedule For(RampingArrivalRate r) =>
        new(PerSecond(r.StartRate, r.TimeUnit), [.. r.Stages.Select(s => (s.Duration, PerSecond(s.Target, r.TimeUnit)))]);

    /// <summary>Offsets of iterations 0, 1, 2 … in order, ending with the last one due before the schedule ends.</summary>
    public IEnumerable<TimeSpan> Offsets()
    {
        double startOfPiece = 0,
            countBefore = 0,
            from = startRatePerSecond; // seconds, iterations, per second
        long k = 0;
        foreach (var (duration, to) in pieces)
        {
            var seconds = duration.TotalSeconds;
            var inPiece = (from + to) / 2 * seconds;
            for (; k < countBefore + inPiece; k++)
            {
                // Solve a·t² + b·t = m for t in this piece (rate b + 2a·t), in the form that is stable when a is ~0.
                var (m, a, b) = (k - countBefore, (to - from) / (2 * seconds), from);
                var t = m <= 0 ? 0 : 2 * m / (b + Math.Sqrt(Math.Max(0, b * b + 4 * a * m)));
                yield return TimeSpan.FromSeconds(startOfPiece + Math.Min(t, seconds));
            }
            (startOfPiece, countBefore, from) = (startOfPiece + seconds, countBefore + inPiece, to);
        }
    }

    private static double PerSecond(int rate, TimeSpan unit) => rate / unit.TotalSeconds;
}
