namespace Harness.Impairment.Toxics;

/// <summary>
/// Per-link state of the loss model: the Gilbert-Elliott state and how many transmissions in a row were lost.
/// Kept per link (not per chain run), so updates and neighbour changes do not reset a burst or a back-off.
/// </summary>
internal sealed class LossModel
{
    public bool Bad { get; private set; }

    public int ConsecutiveLosses { get; private set; }

    /// <summary>
    /// Decides one transmission of a segment: null when it gets through, else how long the stream stalls before the
    /// retransmission (rto × 2^(losses in a row), capped, as TCP backs off). Always the same number of draws per
    /// attempt, so a seed replays the same decisions whatever the attributes.
    /// </summary>
    public TimeSpan? Attempt(LossAttributes attributes, Random random)
    {
        var move = random.Next(100);
        if (attributes.Bursty) Bad = Bad ? move >= attributes.BadToGood : move < attributes.GoodToBad;
        if (!Lost(attributes, random))
        {
            ConsecutiveLosses = 0;
            return null;
        }
        var backoff = Math.Min(ConsecutiveLosses++, 16);
        var stall = attributes.Rto * (1L << backoff);
        return stall < LossAttributes.MaxRto ? stall : LossAttributes.MaxRto;
    }

    // One draw either way; whole percents keep their historical Next(100) so existing seeds replay unchanged.
    private bool Lost(LossAttributes attributes, Random random)
    {
        if (attributes.Bursty && Bad) return random.Next(100) < attributes.LossBad;
        if (attributes.ProbabilityPpm > 0) return random.Next(LossAttributes.PartsPerMillion) < attributes.ProbabilityPpm;
        return random.Next(100) < attributes.Probability;
    }
}
