namespace Harness.Impairment.Udp;

/// <summary>
/// <c>loss</c> on a UDP proxy: drops a datagram with probability <c>percent</c> (or <c>probability_ppm</c> parts per
/// million when that is non-zero, for rates finer than a whole percent). With <c>burst_enter</c> &gt; 0 a
/// Gilbert-Elliott chain runs per session direction: each datagram first moves good→bad with probability
/// burst_enter % (bad→good with burst_exit %), then is lost with <c>percent</c> (good) or <c>burst_percent</c> (bad).
/// </summary>
internal sealed class DatagramLossToxic(long percent, long burstEnter, long burstExit, long burstPercent, long probabilityPpm = 0)
    : IDatagramToxic
{
    public const long PartsPerMillion = 1_000_000;

    // Good-state loss in percent, exact for ppm too (2000 ppm = 0.2 %); one NextDouble draw either way.
    private readonly double _goodPercent = probabilityPpm > 0 ? probabilityPpm * 100.0 / PartsPerMillion : percent;

    public object? CreateState() => new Chain();

    public void Apply(DatagramFate fate, Random random, object? state)
    {
        var chain = (Chain)state!;
        if (burstEnter > 0)
        {
            var flip = random.NextDouble() * 100;
            chain.Bad = chain.Bad ? flip >= burstExit : flip < burstEnter;
        }
        var lossPercent = chain.Bad ? burstPercent : _goodPercent;
        if (random.NextDouble() * 100 < lossPercent)
            fate.Dropped = true;
    }

    private sealed class Chain
    {
        public bool Bad { get; set; }
    }
}
