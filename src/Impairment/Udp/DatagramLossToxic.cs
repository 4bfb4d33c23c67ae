namespace Harness.Impairment.Udp;

/// <summary>
/// <c>loss</c> on a UDP proxy: drops a datagram with probability <c>percent</c>. With <c>burst_enter</c> &gt; 0 a
/// Gilbert-Elliott chain runs per session direction: each datagram first moves good→bad with probability
/// burst_enter % (bad→good with burst_exit %), then is lost with <c>percent</c> (good) or <c>burst_percent</c> (bad).
/// </summary>
internal sealed class DatagramLossToxic(long percent, long burstEnter, long burstExit, long burstPercent) : IDatagramToxic
{
    public object? CreateState() => new Chain();

    public void Apply(DatagramFate fate, Random random, object? state)
    {
        var chain = (Chain)state!;
        if (burstEnter > 0)
        {
            var flip = random.NextDouble() * 100;
            chain.Bad = chain.Bad ? flip >= burstExit : flip < burstEnter;
        }
        var lossPercent = chain.Bad ? burstPercent : percent;
        if (random.NextDouble() * 100 < lossPercent) fate.Dropped = true;
    }

    private sealed class Chain
    {
        public bool Bad { get; set; }
    }
}
