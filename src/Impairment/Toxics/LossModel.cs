namespace Harness.Impairment.Toxics;

/// <summary>
/// Per-link state of the loss model: the Gilbert-Elliott state, how many transmissions in a row were lost and when
/// a segment last got through. Kept per link (not per chain run), so updates and neighbour changes do not reset a
/// burst or a back-off.
/// </summary>
internal sealed class LossModel
{
    // Linux's TCP_TIMEOUT_MIN: what the probe timeout adds to 2·srtt while more than one segment is unacknowledged.
    private static readonly TimeSpan ProbeSlack = TimeSpan.FromMilliseconds(2);

    private DateTimeOffset _lastDelivered;
    private bool _delivered;

    public bool Bad { get; private set; }

    public int ConsecutiveLosses { get; private set; }

    /// <summary>True right after a first loss: a segment that follows it can get it retransmitted early (fast recovery).</summary>
    public bool FirstLoss => ConsecutiveLosses == 1;

    /// <inheritdoc cref="Attempt(LossAttributes, Random, DateTimeOffset)"/>
    public TimeSpan? Attempt(LossAttributes attributes, Random random) => Attempt(attributes, random, default);

    /// <summary>
    /// Decides one transmission of a segment at <paramref name="now"/>: null when it gets through, else how long the
    /// stream stalls before the retransmission when nothing follows the segment. Without <c>rtt</c>: rto × 2^(losses
    /// in a row). With it, as Linux's TCP: a first loss waits for the tail-loss probe (2·rtt + 2 ms) while an earlier
    /// segment is unacknowledged, else for the retransmission timeout (rtt + rto, as srtt + the rto floor); a lost
    /// retransmission waits (rtt + rto) × 2^(losses in a row - 1). Capped at 60 s. Always the same number of draws
    /// per attempt, so a seed replays the same decisions whatever the attributes.
    /// </summary>
    public TimeSpan? Attempt(LossAttributes attributes, Random random, DateTimeOffset now)
    {
        var move = random.Next(100);
        if (attributes.Bursty)
            Bad = Bad ? move >= attributes.BadToGood : move < attributes.GoodToBad;
        if (!Lost(attributes, random))
        {
            ConsecutiveLosses = 0;
            (_lastDelivered, _delivered) = (now, true);
            return null;
        }
        var losses = ConsecutiveLosses++;
        if (attributes.Rtt <= TimeSpan.Zero)
            return BackOff(attributes.Rto, losses);
        var timeout = attributes.Rtt + attributes.Rto;
        if (losses > 0)
            return BackOff(timeout, losses - 1);
        var probe = 2 * attributes.Rtt + ProbeSlack;
        var unacknowledged = _delivered && now - _lastDelivered < attributes.Rtt;
        return unacknowledged && probe < timeout ? probe : Cap(timeout);
    }

    private static TimeSpan BackOff(TimeSpan first, int doublings) => Cap(first * (1L << Math.Min(doublings, 16)));

    private static TimeSpan Cap(TimeSpan stall) => stall < LossAttributes.MaxRto ? stall : LossAttributes.MaxRto;

    // One draw either way; whole percents keep their historical Next(100) so existing seeds replay unchanged.
    private bool Lost(LossAttributes attributes, Random random)
    {
        if (attributes.Bursty && Bad)
            return random.Next(100) < attributes.LossBad;
        if (attributes.ProbabilityPpm > 0)
            return random.Next(LossAttributes.PartsPerMillion) < attributes.ProbabilityPpm;
        return random.Next(100) < attributes.Probability;
    }
}
