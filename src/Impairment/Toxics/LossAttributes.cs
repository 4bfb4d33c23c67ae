namespace Harness.Impairment.Toxics;

/// <summary>
/// Wire (all integers; defaults apply when a create request leaves an attribute out):
/// <c>probability</c> % a segment is lost in the good state (default 0); <c>segment_size</c> bytes (1460);
/// <c>rto</c> ms, the first retransmission timeout (200, Linux's minimum; at most 60000);
/// burst model (Gilbert-Elliott), off while <c>p_good_to_bad</c> is 0: <c>p_good_to_bad</c> and
/// <c>p_bad_to_good</c> % per segment (0 and 25), <c>loss_bad</c> % lost in the bad state (100);
/// <c>probability_ppm</c>, the good-state loss in parts per million (0..1,000,000), replaces <c>probability</c>
/// when non-zero (0.2 % = 2000) and is echoed only then.
/// </summary>
internal sealed record LossAttributes(
    int Probability,
    int SegmentSize,
    TimeSpan Rto,
    int GoodToBad,
    int BadToGood,
    int LossBad,
    int ProbabilityPpm = 0
)
{
    public const string Type = "loss";

    public const int PartsPerMillion = 1_000_000;

    public static readonly TimeSpan MaxRto = TimeSpan.FromSeconds(60);

    public static readonly ToxicSchema Schema = new(
        Type,
        "LossToxic",
        ["probability", "segment_size", "rto", "p_good_to_bad", "p_bad_to_good", "loss_bad", "probability_ppm", "rtt"]
    )
    {
        Defaults = new Dictionary<string, long>
        {
            ["segment_size"] = 1460,
            ["rto"] = 200,
            ["p_bad_to_good"] = 25,
            ["loss_bad"] = 100,
        },
        EchoedWhenSet = ["probability_ppm", "rtt"],
    };

    /// <summary>
    /// The path's round trip (<c>rtt</c>); zero (not given) keeps the plain model: every loss stalls <see cref="Rto"/>, doubling.
    /// </summary>
    public TimeSpan Rtt { get; init; }

    /// <summary>With <see cref="Rtt"/>: a lost segment followed by more data is retransmitted this long after that data
    /// was sent (its SACK comes back after one rtt; RACK waits a quarter rtt more for reordering).</summary>
    public TimeSpan FastRecovery => Rtt + Rtt / 4;

    public bool Bursty => GoodToBad > 0;

    // Validate has run, so every value is in range and fits an int.
    public static LossAttributes From(WireAttributes wire) =>
        new(
            (int)wire["probability"],
            (int)Math.Min(wire["segment_size"], int.MaxValue),
            TimeSpan.FromMilliseconds(wire["rto"]),
            (int)wire["p_good_to_bad"],
            (int)wire["p_bad_to_good"],
            (int)wire["loss_bad"],
            (int)wire["probability_ppm"]
        )
        {
            Rtt = TimeSpan.FromMilliseconds(wire["rtt"]),
        };

    public static string? Validate(WireAttributes wire) =>
        AttributeRules.First(
            AttributeRules.InRange(wire, Type, "probability", 0, 100, "a percentage"),
            AttributeRules.AtLeast(wire, Type, "segment_size", 1),
            AttributeRules.InRange(
                wire,
                Type,
                "rto",
                200,
                (long)MaxRto.TotalMilliseconds,
                "milliseconds; TCP's minimum retransmission timeout is 200"
            ),
            AttributeRules.InRange(wire, Type, "p_good_to_bad", 0, 100, "a percentage"),
            AttributeRules.InRange(
                wire,
                Type,
                "p_bad_to_good",
                wire["p_good_to_bad"] > 0 ? 1 : 0,
                100,
                "a percentage; 0 would never leave the bad state"
            ),
            AttributeRules.InRange(wire, Type, "loss_bad", 0, 100, "a percentage"),
            AttributeRules.InRange(wire, Type, "probability_ppm", 0, PartsPerMillion, "parts per million; 0 = use probability"),
            AttributeRules.InRange(
                wire,
                Type,
                "rtt",
                0,
                (long)MaxRto.TotalMilliseconds,
                "milliseconds; 0 = not given (every loss stalls rto)"
            )
        );
}
