namespace Harness.Impairment.Packet.Pipeline;

/// <summary>
/// What one direction of a packet link does to each IP packet. Percentages are 0..100. Null or zero fields
/// impair nothing. With <see cref="Reorder"/> off, jittered packets keep their order (a packet never
/// leaves before one that arrived earlier); on, each packet leaves at its own drawn time.
/// </summary>
public sealed record PacketImpairmentSettings
{
    public static readonly PacketImpairmentSettings None = new();

    public TimeSpan Delay { get; init; }

    /// <summary>Uniform in [-Jitter, +Jitter] around <see cref="Delay"/>, never below zero.</summary>
    public TimeSpan Jitter { get; init; }

    public bool Reorder { get; init; }

    /// <summary>Bernoulli loss: each packet is lost with this probability (ignored when <see cref="Bursts"/> is set).</summary>
    public double LossPercent { get; init; }

    /// <summary>Gilbert-Elliott bursty loss; replaces <see cref="LossPercent"/> when set.</summary>
    public GilbertElliott? Bursts { get; init; }

    public double DuplicatePercent { get; init; }

    /// <summary>One bit of the packet is flipped, so the receiver's checksum rejects it.</summary>
    public double CorruptPercent { get; init; }

    /// <summary>Bytes per second the link serializes; null = unlimited.</summary>
    public long? RateBytesPerSecond { get; init; }

    /// <summary>Packets waiting for the rate limiter beyond this many are dropped (tail drop).</summary>
    public int QueueLimit { get; init; } = PacketDefaults.QueueLimit;

    /// <summary>Packets longer than this (bytes, IP header included) are dropped; null = no limit.</summary>
    public int? Mtu { get; init; }

    /// <summary>A partition: every packet is dropped.</summary>
    public bool Down { get; init; }

    /// <summary>Every problem with these figures, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Delay < TimeSpan.Zero)
            errors.Add("delay must not be negative");
        if (Jitter < TimeSpan.Zero)
            errors.Add("jitter must not be negative");
        Percent(errors, "loss", LossPercent);
        Percent(errors, "duplicate", DuplicatePercent);
        Percent(errors, "corrupt", CorruptPercent);
        if (RateBytesPerSecond is <= 0)
            errors.Add("rate must be above 0");
        if (QueueLimit < 1)
            errors.Add("queue_limit must be at least 1");
        if (Mtu is < PacketDefaults.MinimumMtu or > PacketDefaults.MaximumMtu)
        {
            errors.Add($"mtu must be between {PacketDefaults.MinimumMtu} and {PacketDefaults.MaximumMtu}");
        }
        if (Bursts is { } b)
        {
            Percent(errors, "p_good_to_bad", b.GoodToBadPercent);
            Percent(errors, "p_bad_to_good", b.BadToGoodPercent);
            Percent(errors, "loss_bad", b.LossBadPercent);
            Percent(errors, "loss_good", b.LossGoodPercent);
        }
        return errors;
    }

    private static void Percent(List<string> errors, string name, double value)
    {
        if (double.IsNaN(value) || value is < 0 or > 100)
            errors.Add($"{name} must be between 0 and 100 (percent), not {value}");
    }
}

/// <summary>
/// Two-state burst loss: in the good state packets are lost with <see cref="LossGoodPercent"/>, in the bad
/// state with <see cref="LossBadPercent"/>; after each packet the state flips with the transition percentages.
/// </summary>
public sealed record GilbertElliott(
    double GoodToBadPercent,
    double BadToGoodPercent,
    double LossBadPercent = 100,
    double LossGoodPercent = 0
)
{
    /// <summary>The long-run loss rate these figures give (stationary distribution of the two states).</summary>
    public double ExpectedLossPercent
    {
        get
        {
            var total = GoodToBadPercent + BadToGoodPercent;
            if (total == 0)
                return LossGoodPercent;
            var bad = GoodToBadPercent / total;
            return bad * LossBadPercent + (1 - bad) * LossGoodPercent;
        }
    }
}
